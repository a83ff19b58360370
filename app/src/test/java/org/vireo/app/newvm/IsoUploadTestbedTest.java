package org.vireo.app.newvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.vireo.connections.fleet.Fleet;
import org.vireo.connections.libvirt.HostConnection;
import org.vireo.connections.store.ConnectionEntry;
import org.vireo.connections.testbed.Testbed;
import org.vireo.wizards.newvm.CancelToken;
import org.vireo.wizards.newvm.IsoUpload;
import org.vireo.wizards.newvm.NewVmException;

/** A local file uploaded into a pool of host A, in chunks, with progress; a cancel leaves nothing behind. */
@Tag("testbed")
class IsoUploadTestbedTest {
    @TempDir
    Path tmp;
    private Fleet fleet;
    private HostConnection hostA;
    private Connect connA;
    private HostScratch scratch;
    private Path file;
    private byte[] content;

    @BeforeEach
    void setUp() throws Exception {
        Testbed bed = Testbed.require();
        scratch = HostScratch.open(bed.hostA().unixUri(), bed.stateDir());
        connA = scratch.conn();
        fleet = new Fleet();
        hostA = fleet.add(ConnectionEntry.of(bed.hostA().unixUri()));
        hostA.connect().get(20, TimeUnit.SECONDS);
        content = new byte[3 * (1 << 20) + 12345]; // four chunks, the last a partial one
        new Random(7).nextBytes(content);
        file = Files.write(tmp.resolve("local.iso"), content);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    @Test
    void uploadsTheFileWithProgress() throws Exception {
        List<Long> progress = new CopyOnWriteArrayList<>();
        IsoUpload.Uploaded done = new IsoUpload(hostA, file, scratch.poolName(), "local.iso")
                .run(new CancelToken(), progress::add).get(60, TimeUnit.SECONDS);
        assertEquals(scratch.poolName() + "/local.iso", done.describe());
        assertEquals(List.of(1L << 20, 2L << 20, 3L << 20, (long) content.length), progress);
        String path = connA.storagePoolLookupByName(scratch.poolName()).storageVolLookupByName("local.iso").getPath();
        assertArrayEquals(content, Files.readAllBytes(Path.of(path)), "the host's volume holds the file's bytes");
    }

    @Test
    void cancelRemovesThePartialVolume() throws Exception {
        CancelToken cancel = new CancelToken();
        ExecutionException failed = assertThrows(ExecutionException.class, () ->
                new IsoUpload(hostA, file, scratch.poolName(), "half.iso").run(cancel, sent -> cancel.cancel())
                        .get(60, TimeUnit.SECONDS));
        NewVmException error = (NewVmException) failed.getCause();
        assertTrue(error.cancelled());
        assertEquals("Upload of local.iso cancelled; the partial volume was removed", error.getMessage());
        assertFalse(scratch.volumes().contains("half.iso"), scratch.volumes().toString());
    }
}
