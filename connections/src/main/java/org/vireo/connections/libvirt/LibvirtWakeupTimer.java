package org.vireo.connections.libvirt;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt.Library;
import org.libvirt.jna.Libvirt;

/**
 * libvirt-java's {@code Library.stopEventLoop()} wakes its loop by setting its private timer to
 * fire at once and leaves it so: in a loop that keeps running (the UI toolkit's) that timer would
 * then fire on every iteration, a busy loop. This puts it back to "disabled" (-1). The timer's id
 * is a private field of {@link Library}; read it by reflection, as libraries.md does for the
 * other handles libvirt-java keeps private.
 */
final class LibvirtWakeupTimer {
    private LibvirtWakeupTimer() {
    }

    static void disarm() {
        try {
            Field field = Library.class.getDeclaredField("timerID");
            field.setAccessible(true);
            int id = ((AtomicInteger) field.get(null)).get();
            if (id >= 0) {
                Libvirt.INSTANCE.virEventUpdateTimeout(id, -1);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.getLogger(LibvirtWakeupTimer.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot disable libvirt-java's wake-up timer; the UI loop may spin", e);
        }
    }
}
