package org.borderwatch.classifier;

import java.util.Arrays;
import org.borderwatch.classifier.replay.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The classifier service. {@code replay ...} as first argument runs the offline replay instead (no Spring, no
 * broker); anything else starts the streaming service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifierApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("replay")) {
            int code = ReplayCommand.commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
            System.exit(code);
        }
        SpringApplication.run(ClassifierApplication.class, args);
    }
}
