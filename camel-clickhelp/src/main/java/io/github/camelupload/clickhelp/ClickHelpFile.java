package io.github.camelupload.clickhelp;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A file in ClickHelp Storage, as the API describes it after an upload (and for {@code GET storage/{path}}). This is
 * the message body after a successful upload.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ClickHelpFile {

    private String fileName;
    private String fileFullName;
    private boolean folder;
    private String modifiedBy;
    private String modifiedOn;
    private long size;
    @JsonIgnore
    private boolean sizeGiven; // a descriptor without its size is not one

    public ClickHelpFile() {
    }

    public ClickHelpFile(String fileName, String fileFullName, boolean folder, String modifiedBy, String modifiedOn,
                         long size) {
        this.fileName = fileName;
        this.fileFullName = fileFullName;
        this.folder = folder;
        this.modifiedBy = modifiedBy;
        this.modifiedOn = modifiedOn;
        setSize(size);
    }

    /** The file's name, e.g. {@code logo.png}. */
    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    /** The path of the file in Storage as ClickHelp spells it, e.g. {@code Storage\docs\logo.png}. */
    public String getFileFullName() {
        return fileFullName;
    }

    public void setFileFullName(String fileFullName) {
        this.fileFullName = fileFullName;
    }

    /** Whether the item is a folder (false for an uploaded file). */
    @JsonProperty("isFolder")
    public boolean isFolder() {
        return folder;
    }

    @JsonProperty("isFolder")
    public void setFolder(boolean folder) {
        this.folder = folder;
    }

    /** The login that last modified the file. */
    public String getModifiedBy() {
        return modifiedBy;
    }

    public void setModifiedBy(String modifiedBy) {
        this.modifiedBy = modifiedBy;
    }

    /** When the file was last modified, as ClickHelp sends it (ISO 8601, GMT, no zone suffix). */
    public String getModifiedOn() {
        return modifiedOn;
    }

    public void setModifiedOn(String modifiedOn) {
        this.modifiedOn = modifiedOn;
    }

    /** {@link #getModifiedOn()} as an instant (read as GMT), or null when absent or unreadable. */
    @JsonIgnore
    public Instant getModifiedOnInstant() {
        if (modifiedOn == null || modifiedOn.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(modifiedOn.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(modifiedOn.trim());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The file's size in bytes. */
    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
        this.sizeGiven = true;
    }

    /** Whether a size was given (a JSON descriptor may lack it). */
    boolean hasSize() {
        return sizeGiven;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClickHelpFile other)) {
            return false;
        }
        return folder == other.folder && size == other.size && Objects.equals(fileName, other.fileName)
               && Objects.equals(fileFullName, other.fileFullName) && Objects.equals(modifiedBy, other.modifiedBy)
               && Objects.equals(modifiedOn, other.modifiedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, fileFullName, folder, modifiedBy, modifiedOn, size);
    }

    @Override
    public String toString() {
        return "ClickHelpFile[fileName=" + fileName + ", fileFullName=" + fileFullName + ", isFolder=" + folder
               + ", modifiedBy=" + modifiedBy + ", modifiedOn=" + modifiedOn + ", size=" + size + "]";
    }
}
