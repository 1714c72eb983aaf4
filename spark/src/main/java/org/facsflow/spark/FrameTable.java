package org.facsflow.spark;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.facsflow.pipeline.table.Column;
import org.facsflow.pipeline.table.ColumnType;
import org.facsflow.pipeline.table.ResultSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-frame result table as the Spark job stores it: the columns of {@code analyze --parquet} for a video with
 * sound, from the one declaration ({@link ResultSchema#standard}, without the mesh, with the voice columns, which stay
 * empty for a video without speech, so that every file has one layout), named by {@link Column#sqlName()} and typed as
 * {@link ColumnType#sql()} says (BIGINT, DOUBLE, VARCHAR: Spark's long, double, string); then the study keys, which
 * are the partition folders {@code condition=C/participant=P} rather than columns of the files. Values are the
 * pipeline's own, at full precision (analyze's Parquet is converted from its CSV and so rounded to the CSV's decimals).
 */
final class FrameTable {
    static final ResultSchema COLUMNS = ResultSchema.standard(false).withVoice();
    static final String CONDITION = "condition", PARTICIPANT = "participant";
    /** The results' schema as named in each file's metadata; another name means another layout (extracted again). */
    static final String SCHEMA_NAME = "facsflow-spark-frames/2";

    private FrameTable() {
    }

    /** The table Spark reads back: the result columns, then condition and participant (text, never inferred). */
    static StructType sparkSchema() {
        List<StructField> fields = new ArrayList<>();
        for (Column c : COLUMNS.columns()) fields.add(DataTypes.createStructField(c.sqlName(), sparkType(c.type()), true));
        fields.add(DataTypes.createStructField(CONDITION, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(PARTICIPANT, DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    /** One video's file: the result columns, each optional (an empty cell is missing). */
    static MessageType parquetSchema() {
        List<Type> fields = new ArrayList<>();
        for (Column c : COLUMNS.columns()) fields.add(parquetType(c));
        return new MessageType("facsflow_frames", fields);
    }

    private static DataType sparkType(ColumnType type) {
        return switch (type) {
            case INTEGER -> DataTypes.LongType;
            case NUMBER -> DataTypes.DoubleType;
            case TEXT -> DataTypes.StringType;
        };
    }

    private static Type parquetType(Column c) {
        return switch (c.type()) {
            case INTEGER -> Types.optional(PrimitiveTypeName.INT64).named(c.sqlName());
            case NUMBER -> Types.optional(PrimitiveTypeName.DOUBLE).named(c.sqlName());
            case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.sqlName());
        };
    }
}
