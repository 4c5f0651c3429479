package fr.mutualis.localstack;

import fr.mutualis.localstack.launcher.AppProcess;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The run command's options as its stack gets them. */
class LocalStackApplicationTest {

    @Test
    void theRunCommandsAppsCompileWithC1OnlyUnlessTheUserSaysOtherwise() {
        assertThat(LocalStackApplication.builder(environment()).jvmOptions())
                .isEqualTo(AppProcess.QUICK_START_JVM_OPTIONS)
                .contains("-XX:TieredStopAtLevel=1");

        assertThat(LocalStackApplication.builder(environment(
                        "--mutualis.stack.jvm-options= -XX:TieredStopAtLevel=4  -Xmx512m")).jvmOptions())
                .as("the user's options come last, so that the JVM takes them")
                .startsWith(AppProcess.QUICK_START_JVM_OPTIONS.toArray(String[]::new))
                .endsWith("-XX:TieredStopAtLevel=4", "-Xmx512m");
    }

    @Test
    void aStackWithoutAServiceTheDemoGoesThroughStartsWithoutTheDemo() {
        assertThat(LocalStackApplication.builder(environment()).loadsTheDemo()).isTrue();
        assertThat(LocalStackApplication.builder(environment("--mutualis.stack.reporting=false")).loadsTheDemo())
                .as("the reporting job is not on the demo's way").isTrue();

        LocalStack.Builder subset = LocalStackApplication.builder(
                environment("--mutualis.stack.apps=gateway,portfolio-service"));
        assertThat(subset.loadsTheDemo()).isFalse();
        assertThat(subset.appsTheDemoLacks()).extracting(StackApp::module)
                .containsExactly("budget-service", "governance-service", "evaluation-service");
        assertThat(LocalStackApplication.builder(environment("--mutualis.stack.apps=none")).appsTheDemoLacks())
                .contains(StackApp.GATEWAY);
    }

    private static StandardEnvironment environment(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment;
    }
}
