package org.facsflow.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.ResultSink;
import org.facsflow.pipeline.table.Column;
import org.facsflow.pipeline.table.ColumnType;
import org.facsflow.pipeline.table.RowCells;
import org.facsflow.study.StoredFrames;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one video's result rows ({@link FrameResult#rows()}: a frame without faces still gets its row) as Parquet
 * on any Hadoop file system, straight from the pipeline's values, with the study's metadata in the footer (the number
 * of rows is known only at the end). Frames after the stimulus end are dropped and counted, as {@code study run} does.
 */
final class FrameParquetWriter implements ResultSink<IOException>, AutoCloseable {
    private final ParquetWriter<FaceResult> writer;
    private final Support support;
    private final double end;
    private long dropped;

    /** @param metadata the study's key-value metadata, without the row count (added when closed) */
    FrameParquetWriter(Path file, Configuration conf, double end, Map<String, String> metadata) throws IOException {
        this.end = end;
        this.support = new Support(metadata);
        this.writer = new Builder(HadoopOutputFile.fromPath(file, conf), support).withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withCompressionCodec(CompressionCodecName.SNAPPY).build();
    }

    @Override
    public void accept(FrameResult frame) throws IOException {
        if (frame.time() > end) {
            dropped++;
            return;
        }
        for (FaceResult row : frame.rows()) writer.write(row);
    }

    long rows() {
        return support.rows;
    }

    /** Frames handed over after the stimulus end, not stored. */
    long dropped() {
        return dropped;
    }

    /** Finishes the file (footer with the row count). */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<FaceResult, Builder> {
        private final Support support;

        Builder(HadoopOutputFile file, Support support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<FaceResult> getWriteSupport(Configuration conf) {
            return support;
        }
    }

    /** Each row's cells, in the table's order, straight into Parquet's record consumer; missing cells are left out (null). */
    private static final class Support extends WriteSupport<FaceResult> implements RowCells {
        private static final List<Column> COLUMNS = FrameTable.COLUMNS.columns();
        private final Map<String, String> metadata;
        private RecordConsumer out;
        private int column;
        long rows;

        Support(Map<String, String> metadata) {
            this.metadata = metadata;
        }

        @Override
        public WriteContext init(Configuration conf) {
            return new WriteContext(FrameTable.parquetSchema(), Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(FaceResult row) {
            out.startMessage();
            column = 0;
            FrameTable.COLUMNS.write(row, this);
            if (column != COLUMNS.size())
                throw new IllegalStateException(column + " cells written for " + COLUMNS.size() + " declared columns");
            out.endMessage();
            rows++;
        }

        @Override
        public FinalizedWriteContext finalizeWrite() {
            Map<String, String> all = new LinkedHashMap<>(metadata);
            all.put(StoredFrames.FRAMES, String.valueOf(rows));
            return new FinalizedWriteContext(all);
        }

        @Override
        public void text(String value) {
            if (!value.isEmpty()) {
                Column c = expect(ColumnType.TEXT, "text");
                out.startField(c.sqlName(), column);
                out.addBinary(Binary.fromString(value));
                out.endField(c.sqlName(), column);
            }
            column++;
        }

        @Override
        public void integer(long value) {
            Column c = COLUMNS.get(column);
            if (c.type() == ColumnType.NUMBER) {
                number(value);
                return;
            }
            expect(ColumnType.INTEGER, "an integer");
            out.startField(c.sqlName(), column);
            out.addLong(value);
            out.endField(c.sqlName(), column);
            column++;
        }

        @Override
        public void number(double value) {
            if (Double.isFinite(value)) {
                Column c = expect(ColumnType.NUMBER, "a number");
                out.startField(c.sqlName(), column);
                out.addDouble(value);
                out.endField(c.sqlName(), column);
            }
            column++;
        }

        private Column expect(ColumnType type, String what) {
            Column c = COLUMNS.get(column);
            if (c.type() != type)
                throw new IllegalStateException("column " + c.name() + " is declared " + c.type().sql() + ", got " + what);
            return c;
        }
    }
}
