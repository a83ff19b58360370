package org.vireo.connections.testbed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A real bootable kernel, 60-odd bytes: a Multiboot image (QEMU's {@code -kernel} loads it, as libvirt's
 * {@code <kernel>} asks) that writes a text in white on blue to the top-left of the VGA text screen and halts.
 * This machine has no /boot/vmlinuz; this proves the same path: the guest boots the installer kernel given to it.
 * The text shows at 0xB8000 as (character, attribute 0x1F) pairs.
 */
public final class MultibootKernel {
    private static final int LOAD = 0x100000;
    private static final int HEADER = 32;
    public static final int ATTRIBUTE = 0x1F;

    private MultibootKernel() {
    }

    public static byte[] image(String text) {
        byte[] message = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] code = {
            (byte) 0xBF, 0x00, (byte) 0x80, 0x0B, 0x00,  // mov edi, 0xB8000
            (byte) 0xBE, 0, 0, 0, 0,                      // mov esi, message (patched below)
            (byte) 0xB4, ATTRIBUTE,                       // mov ah, 0x1F
            (byte) 0xAC,                                  // next: lodsb
            (byte) 0x84, (byte) 0xC0,                     // test al, al
            0x74, 0x04,                                   // jz done
            0x66, (byte) 0xAB,                            // stosw
            (byte) 0xEB, (byte) 0xF7,                     // jmp next
            (byte) 0xFA,                                  // done: cli
            (byte) 0xF4,                                  // halt: hlt
            (byte) 0xEB, (byte) 0xFD,                     // jmp halt
        };
        ByteBuffer b = ByteBuffer.allocate(HEADER + code.length + message.length).order(ByteOrder.LITTLE_ENDIAN);
        int magic = 0x1BADB002;
        int flags = 0x00010000; // the address fields below are valid (a flat binary, not ELF)
        b.putInt(magic).putInt(flags).putInt(-(magic + flags));
        b.putInt(LOAD).putInt(LOAD).putInt(0).putInt(0).putInt(LOAD + HEADER); // header, load, load end, bss end, entry
        b.put(code).put(message);
        b.putInt(HEADER + 6, LOAD + HEADER + code.length);
        return b.array();
    }
}
