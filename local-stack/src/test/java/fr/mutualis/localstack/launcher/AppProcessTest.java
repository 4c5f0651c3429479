package fr.mutualis.localstack.launcher;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apps' JVM options: a JVM of this JDK starts with them and means by them what they say, and an older JDK gets none
 * it refuses.
 */
class AppProcessTest {

    @Test
    void aJvmOfThisJdkTrimsItsNativeHeapEveryFiveSecondsWithTheDefaultOptions() throws Exception {
        String flags = flags(AppProcess.DEFAULT_JVM_OPTIONS);

        if (Runtime.version().feature() >= AppProcess.FIRST_JDK_TRIMMING_NATIVE_HEAP) {
            assertThat(flags).containsPattern("TrimNativeHeapInterval\\s+= 5000\\s");
        }
        assertThat(flags).containsPattern("UseSerialGC\\s+= true\\s");
    }

    @Test
    void theQuickStartOptionsTurnC2OffAndALaterOptionTurnsItOnAgain() throws Exception {
        assertThat(flags(AppProcess.QUICK_START_JVM_OPTIONS)).containsPattern("TieredStopAtLevel\\s+= 1\\s")
                .containsPattern("UseSerialGC\\s+= true\\s");
        List<String> withC2 = new ArrayList<>(AppProcess.QUICK_START_JVM_OPTIONS);
        withC2.add("-XX:TieredStopAtLevel=4");
        assertThat(flags(withC2)).containsPattern("TieredStopAtLevel\\s+= 4\\s");
    }

    private static String flags(List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor()).as(flags).isZero();
        return flags;
    }

    @Test
    void aJdkOlderThanTheTrimmingOptionStartsWithoutIt() {
        assertThat(AppProcess.defaultJvmOptions(Runtime.Version.parse("21.0.5")))
                .containsExactly("-XX:+UseSerialGC", "-Xms64m", "-Xmx384m", "-Xss512k");
        assertThat(AppProcess.defaultJvmOptions(Runtime.Version.parse("25"))).contains("-XX:TrimNativeHeapInterval=5000");
    }
}
