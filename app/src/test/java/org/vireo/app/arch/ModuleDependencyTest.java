package org.vireo.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rule of docs/architecture.md, checked on the compiled classes of every module:
 * app → wizards → connections, app → console-vnc, anything → resources; never backwards,
 * and no JavaFX in connections or in the RFB core.
 */
class ModuleDependencyTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vireo");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"org.vireo.app", "org.vireo.connections", "org.vireo.resources"}) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
                throw new AssertionError("no classes found in " + pkg + ": the rule below would pass vacuously");
            }
        }
    }

    @Test
    void connectionsUsesNoJavaFxAndNothingAbove() {
        noClasses().that().resideInAPackage("org.vireo.connections..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.vireo.app..",
                        "org.vireo.wizards..", "org.vireo.vnc..")
                .check(classes);
    }

    @Test
    void wizardsDoNotReachTheApp() {
        noClasses().that().resideInAPackage("org.vireo.wizards..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vireo.app..", "org.vireo.vnc..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void consoleVncDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.vireo.vnc..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vireo.app..", "org.vireo.wizards..",
                        "org.vireo.connections..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void rfbCoreHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.vireo.vnc..").and().resideOutsideOfPackage("org.vireo.vnc.fx..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void resourcesDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.vireo.resources..")
                .should().dependOnClassesThat().resideInAnyPackage("org.vireo.app..", "org.vireo.wizards..",
                        "org.vireo.connections..", "org.vireo.vnc..", "javafx..")
                .check(classes);
    }
}
