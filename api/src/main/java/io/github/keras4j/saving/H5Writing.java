package io.github.keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.Channel;
import java.nio.file.Path;

/**
 * Writes an HDF5 file with jHDF and always closes it. jHDF 0.13.0 writes the datasets when the file is closed,
 * and when that fails (a full disk) its {@code close()} throws before closing its file channel: the descriptor
 * would stay open until a garbage collection, and with it the space of the deleted temporary file, so the disk
 * stays full and cannot even be unmounted. After a failed close this closes the channel itself.
 */
final class H5Writing {
    /** What goes into the file. */
    interface Body {
        void write(WritableHdfFile file);
    }

    private H5Writing() {
    }

    static void write(Path path, Body body) {
        WritableHdfFile file = HdfFile.write(path);
        try {
            body.write(file);
        } catch (RuntimeException | Error e) {
            closeChannel(file);
            throw e;
        }
        try {
            file.close();
        } catch (RuntimeException e) {
            closeChannel(file);
            throw e;
        }
    }

    /** Closes jHDF's private file channel; nothing happens if a jHDF version names it otherwise. */
    private static void closeChannel(WritableHdfFile file) {
        try {
            Field field = WritableHdfFile.class.getDeclaredField("fileChannel");
            field.setAccessible(true);
            if (field.get(file) instanceof Channel channel) {
                channel.close();
            }
        } catch (ReflectiveOperationException | RuntimeException | IOException ignored) {
            // the write already failed; its exception is the one to report
        }
    }
}
