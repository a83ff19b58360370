package org.vireo.vnc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A test CA and a server certificate it signed (CN and SAN localhost / 127.0.0.1), made with openssl in
 * {@code dir}, named as QEMU's tls-creds-x509 directory wants them: ca-cert.pem, server-cert.pem,
 * server-key.pem.
 */
record TestCertificates(Path dir) {

    Path caCert() {
        return dir.resolve("ca-cert.pem");
    }

    Path serverCert() {
        return dir.resolve("server-cert.pem");
    }

    Path serverKey() {
        return dir.resolve("server-key.pem");
    }

    static TestCertificates make(Path dir, String caName) throws Exception {
        Files.createDirectories(dir);
        TestCertificates c = new TestCertificates(dir);
        Path caKey = dir.resolve("ca-key.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", c.caCert().toString(),
                "-days", "2", "-subj", "/CN=" + caName, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Path csr = dir.resolve("server.csr");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", c.serverKey().toString(), "-out", csr.toString(),
                "-subj", "/CN=localhost");
        Path ext = dir.resolve("server.ext");
        Files.writeString(ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
                + "keyUsage=critical,digitalSignature,keyEncipherment\nbasicConstraints=CA:FALSE\n");
        openssl("x509", "-req", "-in", csr.toString(), "-CA", c.caCert().toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", c.serverCert().toString(), "-days", "2", "-extfile", ext.toString());
        return c;
    }

    private static void openssl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        ExternalProcess.run(Map.of(), 60, cmd);
    }
}
