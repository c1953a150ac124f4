package io.github.camelupload.contentisland;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What ContentIsland answers when an upload completes: the stored name and the public URL. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class UploadedResource {

    private final String name;
    private final String url;

    @JsonCreator
    public UploadedResource(@JsonProperty("name") String name, @JsonProperty("url") String url) {
        this.name = name;
        this.url = url;
    }

    /** The final file name in storage (prefixed and sanitized by ContentIsland). */
    public String getName() {
        return name;
    }

    /** The public URL of the uploaded resource. */
    public String getUrl() {
        return url;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadedResource other && Objects.equals(name, other.name) && Objects.equals(url, other.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, url);
    }

    @Override
    public String toString() {
        return "UploadedResource[name=" + name + ", url=" + url + "]";
    }
}
