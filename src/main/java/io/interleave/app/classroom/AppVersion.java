package io.interleave.app.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Interleave's version as the build recorded it, and the Java and JavaFX it runs on. */
public final class AppVersion {
    static final String POM_PROPERTIES = "/META-INF/maven/io.interleave/interleave/pom.properties";
    static final String DEVELOPMENT = "development build";

    private AppVersion() {
    }

    /**
     * The jar manifest's Implementation-Version (the build sets it from the
     * pom), else the version in Maven's pom.properties, else "development build".
     */
    public static String current() {
        return resolve(AppVersion.class.getPackage().getImplementationVersion(), AppVersion.class.getResourceAsStream(POM_PROPERTIES));
    }

    /** The first of the manifest version and the pom.properties version that is present. */
    static String resolve(String manifestVersion, InputStream pomProperties) {
        if (manifestVersion != null && !manifestVersion.isBlank()) {
            close(pomProperties);
            return manifestVersion.strip();
        }
        if (pomProperties != null) {
            try (InputStream in = pomProperties) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            } catch (IOException | IllegalArgumentException e) {
                return DEVELOPMENT;
            }
        }
        return DEVELOPMENT;
    }

    /** "17.0.12 (Eclipse Adoptium)". */
    public static String java() {
        String vendor = System.getProperty("java.vendor", "");
        return System.getProperty("java.version", "unknown") + (vendor.isBlank() ? "" : " (" + vendor + ")");
    }

    /** "21.0.12", as the JavaFX runtime reports it. */
    public static String javaFx() {
        return System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "unknown"));
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing read, nothing lost
            }
        }
    }
}
