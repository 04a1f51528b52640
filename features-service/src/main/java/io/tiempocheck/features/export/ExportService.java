package io.tiempocheck.features.export;

import io.agroal.api.AgroalDataSource;
import io.tiempocheck.features.export.ExportRepository.Table;
import io.tiempocheck.features.store.FeatureScope;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Exports the consolidated history as CSV.gz, one table per file, header first, for the analysis
 * notebooks. The scope is checked before a byte is written, so a file either is sound or is not made.
 */
@ApplicationScoped
public class ExportService {

    private final AgroalDataSource dataSource;
    private final ExportRepository export;

    public ExportService(AgroalDataSource dataSource, ExportRepository export) {
        this.dataSource = dataSource;
        this.export = export;
    }

    public List<String> problems(FeatureScope scope) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return export.problems(connection, scope);
        }
    }

    /** Streams the table as gzip-compressed CSV; returns the number of data rows. */
    public long writeCsvGz(Table table, FeatureScope scope, OutputStream target) throws SQLException, IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 64 * 1024);
        Writer writer = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(table.columns().toArray(String[]::new)).get();
        try (Connection connection = dataSource.getConnection(); CSVPrinter printer = new CSVPrinter(writer, format)) {
            return export.write(connection, table, scope, printer);
        }
    }
}
