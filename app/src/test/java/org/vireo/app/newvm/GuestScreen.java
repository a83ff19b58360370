package org.vireo.app.newvm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.vireo.connections.testbed.MultibootKernel;

/** What a new VM shows: a VNC frame, and the text the test's Multiboot kernel wrote to the VGA text screen. */
final class GuestScreen {
    private static final int HMP = 1; // VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP

    private GuestScreen() {
    }

    /** The VM's console (VNC on loopback, as the wizard defines it) delivers a first full frame. */
    static void assertConsoleShowsAFrame(Connect conn, String name) throws Exception {
        Matcher port = Pattern.compile("<graphics type='vnc' port='(\\d+)'")
                .matcher(conn.domainLookupByName(name).getXMLDesc(0));
        assertTrue(port.find(), "the running VM has a VNC port");
        CountDownLatch frame = new CountDownLatch(1);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.parseInt(port.group(1)))) {
            org.vireo.vnc.VncClient client = new org.vireo.vnc.VncClient(socket.getInputStream(),
                    socket.getOutputStream(), org.vireo.vnc.VncOptions.defaults());
            client.addListener(new org.vireo.vnc.VncListener() {
                @Override
                public void onUpdateBatchComplete() {
                    frame.countDown();
                }
            });
            client.connect();
            try {
                // QEMU under TCG on a machine other tests load may take a while to answer.
                assertTrue(frame.await(60, TimeUnit.SECONDS), "a frame within 60 s");
                assertTrue(client.framebuffer().width() > 0 && client.framebuffer().height() > 0);
            } finally {
                client.close();
            }
        }
    }

    /**
     * Polls (bounded) the guest's VGA text memory through QEMU's monitor until it starts with {@code text} in
     * the kernel's colours: proof that the installer kernel given to the VM is what ran.
     */
    static void assertKernelWrote(Connect conn, String name, String text, Duration timeout) throws Exception {
        Domain domain = conn.domainLookupByName(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = vgaText(domain, text.length());
            if (seen.equals(text)) {
                return;
            }
            new CountDownLatch(1).await(200, TimeUnit.MILLISECONDS); // pause between bounded polls
        }
        throw new AssertionError("the VGA text screen shows '" + seen + "', not '" + text + "' within "
                + timeout.toSeconds() + " s");
    }

    private static String vgaText(Domain domain, int chars) throws LibvirtException {
        String dump = domain.qemuMonitorCommand("xp /" + chars + "xh 0xb8000", HMP);
        StringBuilder text = new StringBuilder();
        Matcher cell = Pattern.compile("0x([0-9a-f]{4})\\b").matcher(dump.replaceAll("(?m)^[0-9a-f]+:", ""));
        while (cell.find()) {
            int value = Integer.parseInt(cell.group(1), 16);
            if ((value >> 8) != MultibootKernel.ATTRIBUTE) {
                break;
            }
            text.append(new String(new byte[] {(byte) (value & 0xFF)}, StandardCharsets.US_ASCII));
        }
        return text.toString();
    }
}
