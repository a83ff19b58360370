package org.vireo.vnc.encoding;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.vireo.vnc.Framebuffer;
import org.vireo.vnc.RfbInput;
import org.vireo.vnc.VncProtocolException;

/**
 * Tight (7): fill, JPEG, and basic compression with the copy, palette and gradient filters over four
 * persistent zlib streams that the server may reset. Pixels are TPIXELs (R,G,B) for our 24-bit depth.
 */
public final class TightDecoder implements RectDecoder {
    private static final int FILL = 8;
    private static final int JPEG = 9;
    private static final int FILTER_COPY = 0;
    private static final int FILTER_PALETTE = 1;
    private static final int FILTER_GRADIENT = 2;
    private static final int MIN_TO_COMPRESS = 12;

    private final ZlibStream[] streams = {
        new ZlibStream("Tight stream 0"), new ZlibStream("Tight stream 1"),
        new ZlibStream("Tight stream 2"), new ZlibStream("Tight stream 3")};
    private final int[] palette = new int[256];
    /** A fill colour or a palette as TPIXELs: reused, so no rectangle allocates. */
    private final byte[] tpixels = new byte[256 * 3];
    private byte[] data = new byte[0];
    private int[] pixels = new int[0];

    @Override
    public void decode(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        int control = in.u8();
        for (int i = 0; i < 4; i++) {
            if ((control & (1 << i)) != 0) {
                streams[i].reset();
            }
        }
        int kind = control >> 4;
        if (kind == FILL) {
            in.readFully(tpixels, 0, 3);
            fb.fill(x, y, w, h, Pixels.fromTpixel(tpixels, 0));
        } else if (kind == JPEG) {
            jpeg(in, x, y, w, h, fb);
        } else if (kind < 8) {
            basic(in, kind, x, y, w, h, fb);
        } else {
            throw new VncProtocolException("Tight compression type " + kind + " is not supported");
        }
    }

    private void jpeg(RfbInput in, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        byte[] jpeg = in.bytes(in.compactLength(), 4L << 20, "Tight JPEG");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            throw new VncProtocolException("Tight JPEG for a " + w + "x" + h + " rectangle is not a JPEG of that size");
        }
        int[] argb = rgb(image, w, h);
        fb.put(x, y, w, h, argb, 0, w);
    }

    private void basic(RfbInput in, int kind, int x, int y, int w, int h, Framebuffer fb) throws IOException {
        ZlibStream stream = streams[kind & 3];
        int filter = (kind & 4) != 0 ? in.u8() : FILTER_COPY;
        int n = w * h;
        ensure(n);
        switch (filter) {
            case FILTER_COPY -> {
                read(in, stream, n * 3);
                for (int i = 0; i < n; i++) {
                    pixels[i] = Pixels.fromTpixel(data, i * 3);
                }
            }
            case FILTER_PALETTE -> {
                int size = in.u8() + 1;
                in.readFully(tpixels, 0, size * 3);
                for (int i = 0; i < size; i++) {
                    palette[i] = Pixels.fromTpixel(tpixels, i * 3);
                }
                if (size == 2) {
                    int rowBytes = (w + 7) / 8;
                    read(in, stream, rowBytes * h);
                    for (int row = 0; row < h; row++) {
                        twoColourRow(row * rowBytes, row * w, w);
                    }
                } else {
                    read(in, stream, n);
                    paletteIndices(n, size);
                }
            }
            case FILTER_GRADIENT -> {
                read(in, stream, n * 3);
                gradient(w, h);
            }
            default -> throw new VncProtocolException("Tight filter " + filter + " is not defined");
        }
        fb.put(x, y, w, h, pixels, 0, w);
    }

    /**
     * One row of a two-colour rectangle: a bit per pixel, most significant first, rows padded to a byte. Eight
     * pixels per byte read, by hand: the app runs C1 (app/bin/jvm-options), which would divide per pixel.
     */
    private void twoColourRow(int src, int dst, int w) {
        int p0 = palette[0];
        int p1 = palette[1];
        int col = 0;
        for (; col + 8 <= w; col += 8) {
            int b = data[src++];
            pixels[dst + col] = (b & 0x80) == 0 ? p0 : p1;
            pixels[dst + col + 1] = (b & 0x40) == 0 ? p0 : p1;
            pixels[dst + col + 2] = (b & 0x20) == 0 ? p0 : p1;
            pixels[dst + col + 3] = (b & 0x10) == 0 ? p0 : p1;
            pixels[dst + col + 4] = (b & 0x08) == 0 ? p0 : p1;
            pixels[dst + col + 5] = (b & 0x04) == 0 ? p0 : p1;
            pixels[dst + col + 6] = (b & 0x02) == 0 ? p0 : p1;
            pixels[dst + col + 7] = (b & 0x01) == 0 ? p0 : p1;
        }
        for (int bit = 0x80; col < w; col++, bit >>= 1) {
            pixels[dst + col] = (data[src] & bit) == 0 ? p0 : p1;
        }
    }

    /**
     * A byte per pixel indexing a palette of {@code size} colours. Entries past the palette hold 0, which no
     * palette colour is (they are opaque): the AND of every colour read stays opaque unless an index fell past the
     * palette, so a bad index is looked for once after the loop, not tested per pixel.
     */
    private void paletteIndices(int n, int size) throws VncProtocolException {
        Arrays.fill(palette, size, palette.length, 0);
        int allRead = Pixels.OPAQUE;
        int i = 0;
        for (int end = n - 3; i < end; i += 4) { // unrolled by hand, as C1 does not
            int c0 = palette[data[i] & 0xFF];
            int c1 = palette[data[i + 1] & 0xFF];
            int c2 = palette[data[i + 2] & 0xFF];
            int c3 = palette[data[i + 3] & 0xFF];
            pixels[i] = c0;
            pixels[i + 1] = c1;
            pixels[i + 2] = c2;
            pixels[i + 3] = c3;
            allRead &= c0 & c1 & c2 & c3;
        }
        for (; i < n; i++) {
            int colour = palette[data[i] & 0xFF];
            pixels[i] = colour;
            allRead &= colour;
        }
        if (allRead == 0) {
            for (int j = 0; j < n; j++) {
                if ((data[j] & 0xFF) >= size) {
                    throw new VncProtocolException("Tight palette index " + (data[j] & 0xFF) + " beyond palette of "
                            + size);
                }
            }
        }
    }

    /** Each component was sent as the difference from left + above - above-left, clamped to 0..255. */
    private void gradient(int w, int h) {
        int[] prevRow = new int[w * 3];
        int[] thisRow = new int[w * 3];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                for (int c = 0; c < 3; c++) {
                    int left = col > 0 ? thisRow[(col - 1) * 3 + c] : 0;
                    int up = prevRow[col * 3 + c];
                    int upLeft = col > 0 ? prevRow[(col - 1) * 3 + c] : 0;
                    int predicted = Math.max(0, Math.min(255, left + up - upLeft));
                    thisRow[col * 3 + c] = (predicted + data[(row * w + col) * 3 + c]) & 0xFF;
                }
                pixels[row * w + col] = Pixels.OPAQUE | thisRow[col * 3] << 16 | thisRow[col * 3 + 1] << 8
                        | thisRow[col * 3 + 2];
            }
            int[] t = prevRow;
            prevRow = thisRow;
            thisRow = t;
        }
    }

    /** Reads {@code size} bytes of filtered data: plain if short, else compact length + zlib. */
    private void read(RfbInput in, ZlibStream stream, int size) throws IOException {
        if (data.length < size) {
            data = new byte[size];
        }
        if (size < MIN_TO_COMPRESS) {
            in.readFully(data, 0, size);
            return;
        }
        int length = in.compactLength();
        RfbInput.checkLength(length, size + size / 100 + 1024L, "Tight compressed data");
        stream.begin(in, length);
        stream.readFully(data, 0, size);
        stream.end();
    }

    private void ensure(int n) {
        if (pixels.length < n) {
            pixels = new int[n];
        }
    }

    /**
     * The decoded pixels as opaque ARGB. ImageIO gives 3-byte BGR for colour JPEGs: read straight from its
     * raster, because BufferedImage.getRGB converts pixel by pixel through the colour model (most of the
     * JPEG time in the decode benchmark).
     */
    private static int[] rgb(BufferedImage image, int w, int h) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte buffer
                && image.getRaster().getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel model
                && model.getPixelStride() == 3 && model.getScanlineStride() == w * 3
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
            byte[] bgr = buffer.getData();
            int[] argb = new int[w * h];
            for (int i = 0, p = 0; i < argb.length; i++, p += 3) {
                argb[i] = Pixels.OPAQUE | (bgr[p + 2] & 0xFF) << 16 | (bgr[p + 1] & 0xFF) << 8 | (bgr[p] & 0xFF);
            }
            return argb;
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }
}
