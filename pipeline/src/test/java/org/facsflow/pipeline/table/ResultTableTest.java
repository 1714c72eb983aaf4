package org.facsflow.pipeline.table;

import org.facsflow.models.AssetStore;
import org.facsflow.models.SharedFolder;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.VideoInput;
import org.facsflow.pipeline.VideoProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declared table as its readers meet it, on real videos: a CSV whose every cell is a number, empty or one of the
 * declared text columns (so pandas, R and DuckDB read numbers with their defaults), and Parquet columns typed as
 * declared even when a video has no face at all.
 */
class ResultTableTest {
    private static final ResultSchema SCHEMA = ResultSchema.standard(false);
    private static Pipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = Pipeline.load(AssetStore.standard(), PipelineSettings.DEFAULT.withMeasuringThreads(1));
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    /** face_noface.mov: the face, then a cartoon, so found rows, success-0 rows and unmeasurable cells. */
    @Test
    void everyCellIsANumberEmptyOrDeclaredText(@TempDir Path dir) throws Exception {
        Path csv = write(dir, "media/face_noface.mov");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0).split(",")).containsExactlyElementsOf(SCHEMA.names());
        List<Column> columns = SCHEMA.columns();
        int found = 0, lost = 0;
        boolean[] valued = new boolean[columns.size()];
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(columns.size());
            for (int i = 0; i < cells.length; i++) {
                if (cells[i].isEmpty()) continue;
                valued[i] = true;
                switch (columns.get(i).type()) {
                    case INTEGER -> Long.parseLong(cells[i]);
                    case NUMBER -> assertThat(Double.parseDouble(cells[i])).as(columns.get(i).name()).isFinite();
                    case TEXT -> assertThat(cells[i]).matches("[A-E]|still|running|offline|segment");
                }
            }
            if (cells[columns.indexOf(SCHEMA.column("success").orElseThrow())].equals("1")) found++;
            else lost++;
        }
        assertThat(found).isPositive();
        assertThat(lost).isPositive();
        // DuckDB's CSV sniffer, with its defaults, types every numeric column that has a value as a number (a column
        // empty throughout, such as AU28_c without --experimental-aus, has nothing to type: Parquet declares it).
        Map<String, String> types = describe("SELECT * FROM read_csv('" + csv + "')");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (valued[i] && c.type() != ColumnType.TEXT && !c.name().startsWith("X_") && !c.name().startsWith("Y_"))
                assertThat(types.get(c.name())).as(c.name()).isIn("BIGINT", "DOUBLE");
        }
        assertThat(valued).as("columns with a value").contains(true);
        // And facsflow's own reader takes it back.
        assertThat(ResultTable.read(csv).rows()).hasSize(lines.size() - 1);
    }

    @Test
    void parquetHasTheDeclaredTypesEvenWithoutAFace(@TempDir Path dir) throws Exception {
        Path csv = write(dir, "media/no_face.mp4"), parquet = dir.resolve("no_face.parquet");
        ResultParquet.convert(csv, SCHEMA, ResultCsvWriter.PLAIN, parquet);
        Map<String, String> types = describe("SELECT * FROM '" + parquet + "'");
        assertThat(types).hasSize(SCHEMA.columns().size());
        for (Column c : SCHEMA.columns()) assertThat(types.get(c.sqlName())).as(c.sqlName()).isEqualTo(c.type().sql());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("SELECT count(*), sum(success), count(AU12_r) FROM '" + parquet + "'")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(95);
            assertThat(r.getLong(2)).isZero();
            assertThat(r.getLong(3)).isZero();
        }
    }

    private static Path write(Path dir, String media) throws Exception {
        Path csv = dir.resolve("out.csv");
        try (ResultCsvWriter writer = new ResultCsvWriter(csv, SCHEMA, ResultCsvWriter.PLAIN)) {
            pipeline.analyzeVideo(VideoInput.of(SharedFolder.require(media).toString()), writer, VideoProgress.NONE);
            writer.commit();
        }
        return csv;
    }

    private static Map<String, String> describe(String query) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement();
             ResultSet r = sql.executeQuery("DESCRIBE " + query)) {
            while (r.next()) types.put(r.getString(1), r.getString(2));
        }
        return types;
    }
}
