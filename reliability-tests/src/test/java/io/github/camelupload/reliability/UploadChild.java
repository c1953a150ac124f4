package io.github.camelupload.reliability;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The process {@link CrashResumeTest} kills: uploads one file to one endpoint with a {@link FileStateRepository}, as a
 * Camel application would, and exits 0 once the upload is done (1 when it failed).
 * <p>
 * Arguments: the endpoint URI without {@code uploadStateRepository}, the file, the state repository file.
 */
public final class UploadChild {

    private UploadChild() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        File file = new File(args[1]);
        FileStateRepository state = FileStateRepository.fileStateRepository(new File(args[2]));
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("uploadState", state);
        context.start();
        Exchange done = context.createProducerTemplate()
                .send(uri + "&uploadStateRepository=#uploadState", exchange -> exchange.getMessage().setBody(file));
        context.stop();
        if (done.isFailed()) {
            System.out.println("UPLOAD-FAILED " + done.getException());
            done.getException().printStackTrace(System.out);
            System.exit(1);
        }
        System.out.println("UPLOAD-DONE");
        System.exit(0);
    }
}
