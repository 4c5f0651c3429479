package fr.mutualis.localstack.launcher;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The apps' default JVM options: a JVM of this JDK starts with them, and an older JDK gets none it refuses. */
class AppProcessTest {

    @Test
    void aJvmOfThisJdkTrimsItsNativeHeapEveryFiveSecondsWithTheDefaultOptions() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(AppProcess.DEFAULT_JVM_OPTIONS);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(jvm.waitFor()).as(flags).isZero();
        if (Runtime.version().feature() >= AppProcess.FIRST_JDK_TRIMMING_NATIVE_HEAP) {
            assertThat(flags).containsPattern("TrimNativeHeapInterval\\s+= 5000\\s");
        }
        assertThat(flags).containsPattern("UseSerialGC\\s+= true\\s");
    }

    @Test
    void aJdkOlderThanTheTrimmingOptionStartsWithoutIt() {
        assertThat(AppProcess.defaultJvmOptions(Runtime.Version.parse("21.0.5")))
                .containsExactly("-XX:+UseSerialGC", "-Xms64m", "-Xmx384m", "-Xss512k");
        assertThat(AppProcess.defaultJvmOptions(Runtime.Version.parse("25"))).contains("-XX:TrimNativeHeapInterval=5000");
    }
}
