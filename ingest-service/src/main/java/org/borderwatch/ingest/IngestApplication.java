package org.borderwatch.ingest;

import org.borderwatch.ingest.cli.NormalizeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.time.Clock;
import java.util.Arrays;

/**
 * The ingest service. {@code normalize ...} as the first argument runs the offline command instead, without
 * starting Spring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("normalize")) {
            int code = NormalizeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.in, System.out,
                    System.err, Clock.systemUTC());
            System.exit(code);
        }
        SpringApplication.run(IngestApplication.class, args);
    }
}
