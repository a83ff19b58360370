package org.vireo.wizards.newvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.vireo.connections.host.DomainCapabilities;
import org.vireo.connections.host.HostFacts;
import org.vireo.connections.host.NetworkInfo;
import org.vireo.connections.host.StoragePoolInfo;
import org.vireo.connections.host.StorageVolumeInfo;
import org.vireo.connections.host.VirtType;
import org.vireo.resources.Localized;
import org.vireo.resources.Messages;
import org.vireo.resources.Units;

/**
 * The new-VM wizard's state, one page at a time: each {@link Page} has one validator, the user moves on only
 * when it passes, and the choices come from the chosen host's {@link HostFacts}. Finish turns the answers into a
 * {@link VmDraft}, its XML, and a cancellable {@link NewVmJob}. Everything here runs on the FX thread; host work
 * goes through {@link NewVmHosts} and comes back through {@code uiThread}.
 */
public final class NewVmWizardViewModel {
    public enum Page { SOURCE, OS, MEMORY_CPU, STORAGE, REVIEW }

    /** The "least loaded" entry of the host list (shown through {@link #describe(NewVmHosts.HostRef)}). */
    public static final NewVmHosts.HostRef LEAST_LOADED = new NewVmHosts.HostRef("", "Least loaded host");
    /** The pool libvirt and virt-manager create by default: chosen when the user prefers none the host has. */
    private static final String DEFAULT_POOL = "default";

    private final NewVmHosts hosts;
    private final OsCatalogue catalogue;
    private final Messages messages;
    private final Units units;
    private final Consumer<Runnable> uiThread;
    private final Consumer<NewVmJob.Created> onCreated;

    private final ObservableList<NewVmHosts.HostRef> hostChoices = FXCollections.observableArrayList();
    private final ObjectProperty<NewVmHosts.HostRef> hostChoice = new SimpleObjectProperty<>(this, "hostChoice");
    private final ReadOnlyStringWrapper placementReason = new ReadOnlyStringWrapper(this, "placementReason", "");
    private final ReadOnlyObjectWrapper<HostFacts> facts = new ReadOnlyObjectWrapper<>(this, "facts");
    private final ReadOnlyStringWrapper factsError = new ReadOnlyStringWrapper(this, "factsError", "");
    private String hostId;
    private long factsGeneration;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<InstallSource.Kind> sourceKind =
            new SimpleObjectProperty<>(this, "sourceKind", InstallSource.Kind.CDROM);
    private final StringProperty isoPath = new SimpleStringProperty(this, "isoPath", "");
    private final StringProperty locationUrl = new SimpleStringProperty(this, "locationUrl", "");
    private final StringProperty kernelArgs = new SimpleStringProperty(this, "kernelArgs", "");
    private final StringProperty importPath = new SimpleStringProperty(this, "importPath", "");
    /** What the tree at {@link #locationUrl} offers, once read (Next on the first page reads it). */
    private final ReadOnlyObjectWrapper<TreeMedia> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final ReadOnlyStringWrapper treeError = new ReadOnlyStringWrapper(this, "treeError", "");
    private final ReadOnlyBooleanWrapper readingTree = new ReadOnlyBooleanWrapper(this, "readingTree");
    private long treeGeneration;
    private final ObservableList<String> isoChoices = FXCollections.observableArrayList();
    private final ObservableList<String> diskChoices = FXCollections.observableArrayList();

    private final ObjectProperty<OsVariant> os = new SimpleObjectProperty<>(this, "os");
    private final ReadOnlyStringWrapper osGuess = new ReadOnlyStringWrapper(this, "osGuess", "");
    private boolean osChosenByUser;
    private boolean guessing;

    private final IntegerProperty memoryMiB = new SimpleIntegerProperty(this, "memoryMiB", 1024);
    private final IntegerProperty vcpus = new SimpleIntegerProperty(this, "vcpus", 1);
    private final ReadOnlyStringWrapper hostResources = new ReadOnlyStringWrapper(this, "hostResources", "");

    private final BooleanProperty createDisk = new SimpleBooleanProperty(this, "createDisk", true);
    private final ObservableList<String> pools = FXCollections.observableArrayList();
    private final ObjectProperty<String> pool = new SimpleObjectProperty<>(this, "pool");
    private final IntegerProperty diskGiB = new SimpleIntegerProperty(this, "diskGiB", 10);
    private final ObjectProperty<String> diskFormat = new SimpleObjectProperty<>(this, "diskFormat", "qcow2");
    private final StringProperty existingDisk = new SimpleStringProperty(this, "existingDisk", "");
    private final ReadOnlyStringWrapper poolFree = new ReadOnlyStringWrapper(this, "poolFree", "");

    private final ObservableList<NetworkChoice> networkChoices = FXCollections.observableArrayList();
    private final ObjectProperty<NetworkChoice> network = new SimpleObjectProperty<>(this, "network");
    private final ObservableList<VirtType> virtTypes = FXCollections.observableArrayList();
    private final ObjectProperty<VirtType> virtType = new SimpleObjectProperty<>(this, "virtType");
    private final ObservableList<String> arches = FXCollections.observableArrayList();
    private final ObjectProperty<String> arch = new SimpleObjectProperty<>(this, "arch");
    private final ObservableList<Firmware> firmwares = FXCollections.observableArrayList(Firmware.BIOS);
    private final ObjectProperty<Firmware> firmware = new SimpleObjectProperty<>(this, "firmware", Firmware.BIOS);
    private final BooleanProperty customize = new SimpleBooleanProperty(this, "customize");
    private final BooleanProperty openConsole = new SimpleBooleanProperty(this, "openConsole", true);

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.SOURCE);
    private final ReadOnlyStringWrapper pageError = new ReadOnlyStringWrapper(this, "pageError", "");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper(this, "canGoNext");
    private final ReadOnlyBooleanWrapper canFinish = new ReadOnlyBooleanWrapper(this, "canFinish");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper jobError = new ReadOnlyStringWrapper(this, "jobError", "");
    private final ReadOnlyObjectWrapper<NewVmJob.Created> created = new ReadOnlyObjectWrapper<>(this, "created");
    private CancelToken cancelToken;
    private final ReadOnlyBooleanWrapper uploading = new ReadOnlyBooleanWrapper(this, "uploading");
    private final javafx.beans.property.ReadOnlyDoubleWrapper uploadProgress =
            new javafx.beans.property.ReadOnlyDoubleWrapper(this, "uploadProgress");
    private final ReadOnlyStringWrapper uploadStatus = new ReadOnlyStringWrapper(this, "uploadStatus", "");
    private CancelToken uploadCancel;
    private String preferredPool = DEFAULT_POOL;
    private String preferredNetwork = "";

    /**
     * @param uiThread  hands results back to the FX thread ({@code Platform::runLater}; tests pass a queue)
     * @param onCreated told once the VM exists (and runs, unless customized): select it, open its console
     * @param messages  the language of every problem and status the wizard shows
     */
    public NewVmWizardViewModel(NewVmHosts hosts, OsCatalogue catalogue, Consumer<Runnable> uiThread,
                                Consumer<NewVmJob.Created> onCreated, Messages messages) {
        this.hosts = hosts;
        this.catalogue = catalogue;
        this.messages = messages;
        this.units = new Units(messages);
        this.uiThread = uiThread;
        this.onCreated = onCreated;
        os.set(catalogue.generic());
        applyOsDefaults(catalogue.generic());
        os.addListener((o, was, now) -> {
            if (!guessing) {
                osChosenByUser = true;
            }
            if (now != null) {
                applyOsDefaults(now);
            }
        });
        isoPath.addListener((o, was, now) -> guessOs(now));
        locationUrl.addListener((o, was, now) -> {
            treeGeneration++;
            tree.set(null);
            treeError.set("");
            readingTree.set(false);
            guessOs(now);
        });
        importPath.addListener((o, was, now) -> guessOs(now));
        hostChoice.addListener((o, was, now) -> chooseHost(now));
        pool.addListener((o, was, now) -> updatePoolFree());
        virtType.addListener((o, was, now) -> updateFirmwares());
        Observable[] all = {name, sourceKind, isoPath, locationUrl, importPath, os, memoryMiB, vcpus, createDisk, pool,
                diskGiB, diskFormat, existingDisk, network, virtType, arch, firmware, facts, factsError, page, running,
                uploading, tree, treeError, readingTree};
        for (Observable o : all) {
            o.addListener(x -> validate());
        }
        refreshHosts();
        validate();
    }

    /**
     * The user's preferred first choices: the pool and network are chosen whenever a host offers them (blank or
     * absent: the host's own default), the disk format at once.
     */
    public void preferChoices(String poolName, String networkName, String format) {
        preferredPool = poolName;
        preferredNetwork = networkName;
        diskFormat.set(format);
        if (pools.contains(poolName)) {
            pool.set(poolName);
        }
        networkChoices.stream().filter(n -> isNamed(n, networkName)).findFirst().ifPresent(network::set);
    }

    private static boolean isNamed(NetworkChoice choice, String name) {
        return choice instanceof NetworkChoice.VirtualNetwork v && v.name().equals(name)
                || choice instanceof NetworkChoice.Bridge b && b.name().equals(name);
    }

    /** Re-reads the connected hosts; the first one is chosen when nothing is. */
    public void refreshHosts() {
        List<NewVmHosts.HostRef> connected = hosts.connectedHosts();
        List<NewVmHosts.HostRef> choices = new ArrayList<>();
        if (connected.size() > 1) {
            choices.add(LEAST_LOADED);
        }
        choices.addAll(connected);
        hostChoices.setAll(choices);
        if (hostChoice.get() == null || !choices.contains(hostChoice.get())) {
            hostChoice.set(connected.isEmpty() ? null : connected.get(0));
        }
    }

    // ---- host ---------------------------------------------------------------------------------------

    private void chooseHost(NewVmHosts.HostRef choice) {
        long mine = ++factsGeneration;
        facts.set(null);
        factsError.set("");
        placementReason.set("");
        hostId = null;
        if (choice == null) {
            factsError.set(messages.get("newVm.err.noHost"));
            return;
        }
        if (!choice.equals(LEAST_LOADED)) {
            loadFacts(choice.id(), mine);
            return;
        }
        placementReason.set(messages.get("newVm.placement.comparing"));
        List<CompletableFuture<HostLoad>> loads = hosts.placementHosts().stream()
                .map(h -> hosts.load(h.id()).exceptionally(e -> null)).toList();
        CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<HostLoad> known = loads.stream().map(CompletableFuture::join).filter(l -> l != null).toList();
            uiThread.accept(() -> {
                if (mine != factsGeneration) {
                    return;
                }
                Optional<Placement> placement = Placement.leastLoaded(known, messages);
                if (placement.isEmpty()) {
                    placementReason.set("");
                    factsError.set(messages.get("newVm.err.noHostAnswered"));
                    return;
                }
                placementReason.set(messages.get("newVm.placement.chosen", placement.get().reason()));
                loadFacts(placement.get().hostId(), mine);
            });
        });
    }

    private void loadFacts(String id, long generation) {
        hostId = id;
        hosts.facts(id).whenComplete((f, e) -> uiThread.accept(() -> {
            if (generation != factsGeneration) {
                return;
            }
            if (e != null) {
                factsError.set(messages.get("newVm.err.facts", reason(e)));
            } else {
                applyFacts(f);
            }
        }));
    }

    private void applyFacts(HostFacts f) {
        facts.set(f);
        List<String> volumes = f.volumes().stream().map(v -> v.pool() + "/" + v.name()).toList();
        isoChoices.setAll(volumes.stream().filter(v -> v.toLowerCase(Locale.ROOT).endsWith(".iso")).toList());
        diskChoices.setAll(volumes.stream().filter(v -> !v.toLowerCase(Locale.ROOT).endsWith(".iso")).toList());
        pools.setAll(f.pools().stream().filter(StoragePoolInfo::active).map(StoragePoolInfo::name).toList());
        pool.set(pools.contains(preferredPool) ? preferredPool
                : pools.contains(DEFAULT_POOL) ? DEFAULT_POOL : pools.isEmpty() ? null : pools.get(0));
        List<NetworkChoice> nets = new ArrayList<>();
        f.networks().stream().filter(NetworkInfo::active).forEach(n -> nets.add(new NetworkChoice.VirtualNetwork(n.name())));
        f.bridges().forEach(b -> nets.add(new NetworkChoice.Bridge(b)));
        nets.add(new NetworkChoice.None());
        networkChoices.setAll(nets);
        network.set(nets.stream().filter(n -> isNamed(n, preferredNetwork)).findFirst().orElse(nets.get(0)));
        arches.setAll(f.capabilities().arches());
        arch.set(f.capabilities().defaultArch());
        virtTypes.setAll(f.capabilities().virtTypes(arch.get()));
        virtType.set(virtTypes.isEmpty() ? null : virtTypes.get(0));
        hostResources.set(messages.get("newVm.hostResources", f.hostName(), units.gib(f.freeMemoryKiB()),
                units.gib(f.totalMemoryKiB()), Integer.toString(f.cpus())));
        updateFirmwares();
        updatePoolFree();
    }

    private void updateFirmwares() {
        HostFacts f = facts.get();
        boolean uefi = f != null && virtType.get() != null
                && f.domainCapabilities(virtType.get()).map(DomainCapabilities::supportsUefi).orElse(false);
        firmwares.setAll(uefi ? List.of(Firmware.BIOS, Firmware.UEFI) : List.of(Firmware.BIOS));
        OsVariant chosen = os.get();
        firmware.set(uefi && chosen != null && chosen.firmware() == Firmware.UEFI ? Firmware.UEFI : Firmware.BIOS);
    }

    private void updatePoolFree() {
        Optional<StoragePoolInfo> p = selectedPool();
        poolFree.set(p.map(info -> messages.get("newVm.poolFree", units.gib(info.availableBytes() / 1024),
                info.name())).orElse(""));
    }

    private Optional<StoragePoolInfo> selectedPool() {
        HostFacts f = facts.get();
        return f == null || pool.get() == null ? Optional.empty() : f.pool(pool.get());
    }

    // ---- OS -----------------------------------------------------------------------------------------

    private void guessOs(String source) {
        Optional<OsVariant> guess = catalogue.guess(source);
        if (!applyGuess(guess)) {
            osGuess.set("");
            return;
        }
        osGuess.set(messages.get("newVm.osGuess.name", guess.get().name()));
    }

    /** Takes a guessed OS unless the user chose one; whether it was taken. */
    private boolean applyGuess(Optional<OsVariant> guess) {
        if (guess.isEmpty() || osChosenByUser) {
            return false;
        }
        guessing = true;
        try {
            os.set(guess.get());
        } finally {
            guessing = false;
        }
        return true;
    }

    private void applyOsDefaults(OsVariant variant) {
        memoryMiB.set(variant.memoryMiB());
        vcpus.set(variant.vcpus());
        diskGiB.set(variant.diskGiB());
        if (facts.get() != null) {
            updateFirmwares();
        }
    }

    // ---- validation ---------------------------------------------------------------------------------

    /** The first problem of {@code p}'s answers, or empty when the user may go on. */
    public Optional<String> problem(Page p) {
        HostFacts f = facts.get();
        return switch (p) {
            case SOURCE -> sourceProblem(f);
            case OS -> os.get() == null ? Optional.of(messages.get("newVm.err.chooseOs")) : Optional.empty();
            case MEMORY_CPU -> memoryProblem(f);
            case STORAGE -> storageProblem(f);
            case REVIEW -> reviewProblem();
        };
    }

    private Optional<String> sourceProblem(HostFacts f) {
        if (!factsError.get().isEmpty()) {
            return Optional.of(factsError.get());
        }
        if (f == null) {
            return Optional.of(messages.get("newVm.err.readingFacts"));
        }
        Optional<String> nameProblem = DraftChecks.name(name.get(), f, messages);
        if (nameProblem.isPresent()) {
            return nameProblem;
        }
        return switch (sourceKind.get()) {
            case CDROM -> isoPath.get().isBlank() ? Optional.of(messages.get("newVm.err.chooseIso")) : Optional.empty();
            case LOCATION -> locationProblem();
            case PXE -> Optional.empty();
            case IMPORT -> importPath.get().isBlank() ? Optional.of(messages.get("newVm.err.chooseImport"))
                    : Optional.empty();
        };
    }

    private Optional<String> locationProblem() {
        if (locationUrl.get().isBlank()) {
            return Optional.of(messages.get("newVm.err.enterUrl"));
        }
        Optional<String> urlProblem = TreeHttp.urlProblem(locationUrl.get(), messages);
        if (urlProblem.isPresent()) {
            return urlProblem;
        }
        if (readingTree.get()) {
            return Optional.of(messages.get("newVm.tree.reading", locationUrl.get().strip()));
        }
        return treeError.get().isEmpty() ? Optional.empty() : Optional.of(treeError.get());
    }

    /** Reads the tree at the URL (Next on the first page does): its kernel, initrd and the OS it holds. */
    private void readTree() {
        long mine = ++treeGeneration;
        readingTree.set(true);
        VirtType type = virtType.get();
        hosts.readTree(locationUrl.get().strip(), arch.get() == null ? "x86_64" : arch.get(),
                type != null && type.isXen() && !type.isHvm(), messages).whenComplete((media, e) -> uiThread.accept(() -> {
                    if (mine != treeGeneration) {
                        return;
                    }
                    readingTree.set(false);
                    if (e != null) {
                        treeError.set(reason(e));
                        return;
                    }
                    tree.set(media);
                    guessOsFromTree(media);
                    next();
                }));
    }

    private void guessOsFromTree(TreeMedia media) {
        Optional<OsVariant> guess = media.osHints().stream().map(catalogue::guess).flatMap(Optional::stream)
                .findFirst();
        if (applyGuess(guess)) {
            osGuess.set(messages.get("newVm.osGuess.tree", guess.get().name(), media.distro()));
        }
    }

    private Optional<String> memoryProblem(HostFacts f) {
        return f == null ? Optional.empty() : DraftChecks.memoryAndCpus(memoryMiB.get(), vcpus.get(), f, messages);
    }

    private Optional<String> storageProblem(HostFacts f) {
        if (!storageApplies() || f == null) {
            return Optional.empty();
        }
        if (!createDisk.get()) {
            return existingDisk.get().isBlank() ? Optional.of(messages.get("newVm.err.chooseExisting")) : Optional.empty();
        }
        return DraftChecks.newVolume(new StorageChoice.NewVolume(pool.get(),
                VolumeXml.defaultName(name.get(), diskFormat.get()), diskGiB.get(), diskFormat.get()), f, messages);
    }

    private Optional<String> reviewProblem() {
        HostFacts f = facts.get();
        if (f == null || virtType.get() == null) {
            return Optional.of(messages.get("newVm.err.noVirtType"));
        }
        if (sourceKind.get() == InstallSource.Kind.LOCATION && tree.get() == null) {
            return Optional.of(messages.get("newVm.err.treeNotRead", locationUrl.get().strip()));
        }
        try {
            DomainXml.build(draft(), f.capabilities(), f.domainCapabilities(virtType.get()));
            return Optional.empty();
        } catch (DraftException e) {
            String text = e.message(messages);
            return Optional.of(text.substring(0, 1).toUpperCase(messages.bundle().getLocale()) + text.substring(1)
                    + ".");
        }
    }

    /** "Import existing disk" has no storage page. */
    public boolean storageApplies() {
        return sourceKind.get() != InstallSource.Kind.IMPORT;
    }

    private void validate() {
        Optional<String> problem = problem(page.get());
        pageError.set(problem.orElse(""));
        boolean ok = problem.isEmpty() && !running.get() && !uploading.get() && !readingTree.get();
        canGoBack.set(page.get() != Page.SOURCE && !running.get());
        canGoNext.set(ok && page.get() != Page.REVIEW);
        boolean allOk = ok && page.get() == Page.REVIEW;
        for (Page p : Page.values()) {
            allOk &= problem(p).isEmpty();
        }
        canFinish.set(allOk);
    }

    // ---- navigation ---------------------------------------------------------------------------------

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        if (page.get() == Page.SOURCE && sourceKind.get() == InstallSource.Kind.LOCATION && tree.get() == null) {
            readTree(); // moves on once the tree was read
            return;
        }
        Page nextPage = Page.values()[page.get().ordinal() + 1];
        if (nextPage == Page.STORAGE && !storageApplies()) {
            nextPage = Page.REVIEW;
        }
        page.set(nextPage);
    }

    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        Page previous = Page.values()[page.get().ordinal() - 1];
        if (previous == Page.STORAGE && !storageApplies()) {
            previous = Page.MEMORY_CPU;
        }
        page.set(previous);
    }

    // ---- the draft and the job ----------------------------------------------------------------------

    /** The answers as a draft (call when {@link #problem} found nothing). */
    public VmDraft draft() {
        // Combo boxes briefly clear their value while their items are replaced: fall back, never fail.
        OsVariant chosen = os.get() == null ? catalogue.generic() : os.get();
        StorageChoice storage;
        if (!storageApplies()) {
            storage = new StorageChoice.None();
        } else if (createDisk.get()) {
            storage = new StorageChoice.NewVolume(pool.get() == null ? "" : pool.get(),
                    VolumeXml.defaultName(name.get(), diskFormat.get()), diskGiB.get(), diskFormat.get());
        } else {
            DiskRef ref = diskRef(existingDisk.get());
            storage = new StorageChoice.Existing(ref, ref.guessFormat());
        }
        InstallSource source = switch (sourceKind.get()) {
            case CDROM -> new InstallSource.Cdrom(diskRef(isoPath.get()));
            case LOCATION -> new InstallSource.Location(locationUrl.get().strip(), kernelArgs.get().strip(), "", "",
                    tree.get());
            case PXE -> new InstallSource.Pxe();
            case IMPORT -> {
                DiskRef ref = diskRef(importPath.get());
                yield new InstallSource.Import(ref, ref.guessFormat());
            }
        };
        return new VmDraft(name.get().strip(), hostId, source, chosen, memoryMiB.get(), vcpus.get(), storage,
                network.get() == null ? new NetworkChoice.None() : network.get(),
                virtType.get() == null ? VirtType.QEMU : virtType.get(), arch.get() == null ? "" : arch.get(),
                firmware.get() == null ? Firmware.BIOS : firmware.get(), chosen.machine(), customize.get(),
                openConsole.get());
    }

    private DiskRef diskRef(String text) {
        return DraftChecks.diskRef(text, facts.get());
    }

    /** Starts the job: volume, definition, start; failures clean up and show in {@link #jobErrorProperty()}. */
    public void finish() {
        if (!canFinish.get()) {
            return;
        }
        HostFacts f = facts.get();
        VmDraft draft = draft();
        String xml;
        try {
            xml = DomainXml.build(draft, f.capabilities(), f.domainCapabilities(draft.virtType()));
        } catch (DraftException e) {
            jobError.set(e.message(messages));
            return;
        }
        cancelToken = new CancelToken();
        jobError.set("");
        running.set(true);
        hosts.create(draft, xml, cancelToken, step -> uiThread.accept(() -> progress.set(step)))
                .whenComplete((done, e) -> uiThread.accept(() -> {
                    running.set(false);
                    if (e != null) {
                        progress.set("");
                        jobError.set(reason(e));
                    } else {
                        progress.set(messages.get(done.started() ? "newVm.done.running" : "newVm.done.defined",
                                done.name()));
                        created.set(done);
                        onCreated.accept(done);
                    }
                }));
    }

    /**
     * Uploads a local ISO into the pool chosen for storage (the host's "default" pool unless changed), then
     * selects it as the install media. Progress and problems show in {@link #uploadStatusProperty()}.
     */
    public void uploadIso(java.nio.file.Path file) {
        HostFacts f = facts.get();
        String target = pool.get();
        String volume = file.getFileName().toString();
        if (f == null || target == null) {
            uploadStatus.set(messages.get("newVm.upload.noPool"));
            return;
        }
        if (f.pool(target).map(p -> p.volumes().stream().anyMatch(v -> v.name().equals(volume))).orElse(false)) {
            uploadStatus.set(messages.get("newVm.upload.exists", target, volume));
            return;
        }
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            uploadStatus.set(messages.get("newVm.upload.unreadable", file, e.getMessage()));
            return;
        }
        if (f.pool(target).map(p -> p.availableBytes() < size).orElse(true)) {
            uploadStatus.set(messages.get("newVm.upload.noSpace", target, volume));
            return;
        }
        String host = hostId;
        long generation = factsGeneration;
        uploadCancel = new CancelToken();
        uploading.set(true);
        uploadProgress.set(0);
        uploadStatus.set(messages.get("newVm.upload.running", volume, target));
        hosts.upload(host, file, target, volume, uploadCancel, sent -> uiThread.accept(
                () -> uploadProgress.set(size == 0 ? 1 : (double) sent / size))).whenComplete((done, e) ->
                uiThread.accept(() -> {
                    uploading.set(false);
                    if (e != null) {
                        uploadStatus.set(reason(e));
                        return;
                    }
                    uploadStatus.set(messages.get("newVm.upload.done", done.describe()));
                    if (generation == factsGeneration && facts.get() != null) {
                        facts.set(facts.get().withVolume(new StorageVolumeInfo(done.pool(), done.volume(), "", size)));
                        isoChoices.add(done.describe());
                        isoPath.set(done.describe());
                    }
                }));
    }

    public void cancelUpload() {
        if (uploadCancel != null) {
            uploadCancel.cancel();
        }
    }

    /** Cancels a running job (it cleans up after its current step). */
    public void cancel() {
        if (cancelToken != null) {
            cancelToken.cancel();
        }
    }

    /** In the user's language when the failure can say it so (a host's refusal), else its own message. */
    private String reason(Throwable e) {
        return Localized.describe(e, messages);
    }

    /** One line per answer, for the review page. */
    public String summary() {
        if (facts.get() == null) {
            return "";
        }
        VmDraft d = draft();
        return messages.get("newVm.summary", d.name(), facts.get().hostName(), describe(d.source()), d.os().name(),
                Integer.toString(d.memoryMiB()), Integer.toString(d.vcpus()), describe(d.storage()));
    }

    public String describe(InstallSource s) {
        return switch (s.kind()) {
            case CDROM -> messages.get("newVm.describe.cdrom", ((InstallSource.Cdrom) s).iso().describe());
            case LOCATION -> messages.get("newVm.describe.location", ((InstallSource.Location) s).url());
            case PXE -> messages.get("newVm.describe.pxe");
            case IMPORT -> messages.get("newVm.describe.import", ((InstallSource.Import) s).disk().describe());
        };
    }

    public String describe(StorageChoice s) {
        if (s instanceof StorageChoice.NewVolume nv) {
            return messages.get("newVm.describe.newVolume", nv.format(), nv.pool() + "/" + nv.volumeName(),
                    Long.toString(nv.sizeGiB()));
        }
        if (s instanceof StorageChoice.Existing ex) {
            return messages.get("newVm.describe.existing", ex.disk().describe());
        }
        return messages.get("newVm.describe.noStorage");
    }

    public String describe(NetworkChoice n) {
        if (n instanceof NetworkChoice.VirtualNetwork v) {
            return messages.get("newVm.describe.network", v.name());
        }
        if (n instanceof NetworkChoice.Bridge b) {
            return messages.get("newVm.describe.bridge", b.name());
        }
        return messages.get("newVm.describe.noNetwork");
    }

    /** A host of the list as the user sees it: the "least loaded" entry in the user's language. */
    public String describe(NewVmHosts.HostRef host) {
        return host.equals(LEAST_LOADED) ? messages.get("newVm.leastLoaded") : host.name();
    }

    // ---- properties ---------------------------------------------------------------------------------

    public ObservableList<NewVmHosts.HostRef> hostChoices() { return hostChoices; }
    public ObjectProperty<NewVmHosts.HostRef> hostChoiceProperty() { return hostChoice; }
    public ReadOnlyStringProperty placementReasonProperty() { return placementReason.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<HostFacts> factsProperty() { return facts.getReadOnlyProperty(); }
    public StringProperty nameProperty() { return name; }
    public ObjectProperty<InstallSource.Kind> sourceKindProperty() { return sourceKind; }
    public StringProperty isoPathProperty() { return isoPath; }
    public StringProperty locationUrlProperty() { return locationUrl; }
    public StringProperty kernelArgsProperty() { return kernelArgs; }
    public StringProperty importPathProperty() { return importPath; }
    public ReadOnlyObjectProperty<TreeMedia> treeProperty() { return tree.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty readingTreeProperty() { return readingTree.getReadOnlyProperty(); }
    public ObservableList<String> isoChoices() { return isoChoices; }
    public ObservableList<String> diskChoices() { return diskChoices; }
    public List<OsVariant> osChoices() { return catalogue.variants(); }
    public ObjectProperty<OsVariant> osProperty() { return os; }
    public ReadOnlyStringProperty osGuessProperty() { return osGuess.getReadOnlyProperty(); }
    public IntegerProperty memoryMiBProperty() { return memoryMiB; }
    public IntegerProperty vcpusProperty() { return vcpus; }
    public ReadOnlyStringProperty hostResourcesProperty() { return hostResources.getReadOnlyProperty(); }
    public BooleanProperty createDiskProperty() { return createDisk; }
    public ObservableList<String> pools() { return pools; }
    public ObjectProperty<String> poolProperty() { return pool; }
    public IntegerProperty diskGiBProperty() { return diskGiB; }
    public ObjectProperty<String> diskFormatProperty() { return diskFormat; }
    public StringProperty existingDiskProperty() { return existingDisk; }
    public ReadOnlyStringProperty poolFreeProperty() { return poolFree.getReadOnlyProperty(); }
    public ObservableList<NetworkChoice> networkChoices() { return networkChoices; }
    public ObjectProperty<NetworkChoice> networkProperty() { return network; }
    public ObservableList<VirtType> virtTypes() { return virtTypes; }
    public ObjectProperty<VirtType> virtTypeProperty() { return virtType; }
    public ObservableList<String> arches() { return arches; }
    public ObjectProperty<String> archProperty() { return arch; }
    public ObservableList<Firmware> firmwares() { return firmwares; }
    public ObjectProperty<Firmware> firmwareProperty() { return firmware; }
    public BooleanProperty customizeProperty() { return customize; }
    public BooleanProperty openConsoleProperty() { return openConsole; }
    public ReadOnlyObjectProperty<Page> pageProperty() { return page.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pageErrorProperty() { return pageError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canGoBackProperty() { return canGoBack.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canGoNextProperty() { return canGoNext.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canFinishProperty() { return canFinish.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty jobErrorProperty() { return jobError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<NewVmJob.Created> createdProperty() { return created.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty uploadingProperty() { return uploading.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyDoubleProperty uploadProgressProperty() {
        return uploadProgress.getReadOnlyProperty();
    }
    public ReadOnlyStringProperty uploadStatusProperty() { return uploadStatus.getReadOnlyProperty(); }
}
