package io.github.camelupload.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Uploads every file dropped into {@code upload.inbox}/clickhelp to ClickHelp Storage and every file dropped into
 * {@code upload.inbox}/contentisland to ContentIsland. Portal, credentials and chunk sizes are component options in
 * application.properties ({@code camel.component.clickhelp.*}, {@code camel.component.contentisland.*}); the routes
 * name no credential.
 */
@SpringBootApplication
public class UploadApplication {

    public static void main(String[] args) {
        SpringApplication.run(UploadApplication.class, args);
    }
}
