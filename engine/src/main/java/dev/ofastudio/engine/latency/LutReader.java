package dev.ofastudio.engine.latency;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.io.BoundedFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads latency lookup tables: OFA's YAML tables ({@code <r>_lookup_table.yaml}, one mapping
 * {@code key: {count, mean, std}} per resolution, only {@code mean} used) and plain CSV
 * measurements ({@code key,latency_ms} with a header, plus an optional {@code resolution} column).
 * Every problem becomes an {@link OfaException} naming the file, the key or line, and the field.
 */
final class LutReader {
    static final Pattern YAML_NAME = Pattern.compile("(\\d+)_lookup_table\\.ya?ml");
    static final Pattern CSV_NAME = Pattern.compile("(\\d+)\\.csv");

    static final String CSV_KEY = "key";
    static final String CSV_LATENCY = "latency_ms";
    static final String CSV_RESOLUTION = "resolution";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private LutReader() {
    }

    /** Resolution encoded in a file name ({@code 224_lookup_table.yaml}, {@code 224.csv}), or -1. */
    static int resolutionFromName(Path file) {
        String name = file.getFileName().toString();
        for (Pattern p : List.of(YAML_NAME, CSV_NAME)) {
            Matcher m = p.matcher(name);
            if (m.matches()) {
                try {
                    return Integer.parseInt(m.group(1));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Tables are streamed, but a multi-gigabyte one is a mistake: refuse it up front. */
    private static void checkSize(Path file) throws OfaException {
        try {
            BoundedFiles.checkSize(file, BoundedFiles.TEXT_LIMIT, "a latency table");
        } catch (IOException e) {
            throw new OfaException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static boolean isYaml(Path file) {
        String n = file.getFileName().toString().toLowerCase();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    static boolean isCsv(Path file) {
        return file.getFileName().toString().toLowerCase().endsWith(".csv");
    }

    /**
     * One OFA YAML table at {@code resolution}. Read as a token stream rather than a tree, so that
     * every error knows its key and line, and {@code .nan}/{@code .inf} reach the value check.
     */
    static LutTable readYaml(Path file, int resolution) throws OfaException {
        Map<String, Double> means = new LinkedHashMap<>();
        checkSize(file);
        try (Reader in = Files.newBufferedReader(file); JsonParser p = YAML.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                throw new OfaException(file + ": expected a YAML mapping of layer keys to {count, mean, std}, "
                        + "found an empty file");
            }
            if (t != JsonToken.START_OBJECT) {
                throw OfaException.inFile(file, null, "a YAML mapping of layer keys to {count, mean, std}",
                        "a " + kind(t));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String where = "line " + p.currentLocation().getLineNr() + ": key " + key;
                t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    throw OfaException.inFile(file, where, "a mapping with fields count, mean, std",
                            t == JsonToken.VALUE_NULL ? "nothing" : "a " + kind(t) + " (" + scalarText(p, t) + ")");
                }
                String meanText = null;
                JsonToken meanToken = null;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("mean".equals(field)) {
                        meanToken = v;
                        meanText = scalarText(p, v);
                    }
                    p.skipChildren();
                }
                if (meanToken == null || meanToken == JsonToken.VALUE_NULL) {
                    throw OfaException.inFile(file, where + ": field mean", "a latency in ms", "nothing");
                }
                if (meanToken.isStructStart()) {
                    throw OfaException.inFile(file, where + ": field mean", "a latency in ms",
                            "a " + kind(meanToken));
                }
                means.put(key, latency(meanText, file, where + ": field mean"));
            }
            if (t != JsonToken.END_OBJECT) {
                throw new OfaException(file + ": malformed YAML: expected layer keys, found " + t);
            }
        } catch (NoSuchFileException e) {
            throw new OfaException(file + ": file not found");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new OfaException(file + ": malformed YAML" + at + " (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw new OfaException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (means.isEmpty()) {
            throw new OfaException(file + ": expected layer entries, found an empty mapping");
        }
        return new LutTable(resolution, file, means);
    }

    private static String scalarText(JsonParser p, JsonToken t) throws IOException {
        return t.isStructStart() ? (t == JsonToken.START_ARRAY ? "[...]" : "{...}") : p.getText();
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "list";
            case START_OBJECT -> "mapping";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            default -> String.valueOf(t).toLowerCase();
        };
    }

    /**
     * A CSV of measurements. With a {@code resolution} column the rows may span resolutions;
     * without one every row belongs to {@code defaultResolution} (from the file name), which must
     * then be known (&gt; 0).
     */
    static Map<Integer, LutTable> readCsv(Path file, int defaultResolution) throws OfaException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<Integer, Map<String, Double>> byResolution = new TreeMap<>();
        checkSize(file);
        try (Reader in = skipByteOrderMark(Files.newBufferedReader(file));
                MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class).with(schema).readValues(in)) {
            var header = ((CsvParser) rows.getParser()).getSchema();
            boolean hasKey = header.column(CSV_KEY) != null;
            boolean hasLatency = header.column(CSV_LATENCY) != null;
            boolean hasResolution = header.column(CSV_RESOLUTION) != null;
            if (!hasKey || !hasLatency) {
                throw OfaException.inFile(file, "header",
                        "columns key,latency_ms (and optionally resolution)",
                        header.size() == 0 ? "no header" : "columns " + header.getColumnDesc());
            }
            if (!hasResolution && defaultResolution <= 0) {
                throw OfaException.inFile(file, "header",
                        "a resolution column, or a file named <resolution>.csv such as 224.csv",
                        "columns " + header.getColumnDesc());
            }
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                int line = rows.getCurrentLocation().getLineNr();
                if (rows.getCurrentLocation().getColumnNr() == 1) {
                    line--; // the parser already stands at the start of the next line
                }
                String where = "line " + line;
                String key = row.get(CSV_KEY);
                if (key == null || key.isEmpty()) {
                    throw OfaException.inFile(file, where + ": column key", "a layer key", "nothing");
                }
                String lat = row.get(CSV_LATENCY);
                if (lat == null || lat.isEmpty()) {
                    throw OfaException.inFile(file, where + ": column latency_ms", "a latency in ms for " + key,
                            "nothing");
                }
                double ms = latency(lat, file, where + ": column latency_ms (key " + key + ")");
                int r = defaultResolution;
                if (hasResolution) {
                    String rs = row.get(CSV_RESOLUTION);
                    try {
                        r = Integer.parseInt(rs == null ? "" : rs);
                    } catch (NumberFormatException e) {
                        r = -1;
                    }
                    if (r < 1) {
                        throw OfaException.inFile(file, where + ": column resolution", "a positive integer",
                                rs == null || rs.isEmpty() ? "nothing" : "'" + rs + "'");
                    }
                }
                Double previous = byResolution.computeIfAbsent(r, k -> new LinkedHashMap<>()).put(key, ms);
                if (previous != null) {
                    throw OfaException.inFile(file, where + ": column key",
                            "each key once per resolution", "a second row for " + key + " at resolution " + r);
                }
            }
        } catch (NoSuchFileException e) {
            throw new OfaException(file + ": file not found");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr();
            throw new OfaException(file + ": malformed CSV" + at + " (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new OfaException(file + ": cannot read CSV (" + firstLine(String.valueOf(e.getMessage())) + ")", e);
        }
        if (byResolution.isEmpty()) {
            throw new OfaException(file + ": expected rows key,latency_ms after the header, found none");
        }
        Map<Integer, LutTable> out = new TreeMap<>();
        byResolution.forEach((r, means) -> out.put(r, new LutTable(r, file, means)));
        return out;
    }

    /** Spreadsheets often start a UTF-8 CSV with a byte-order mark; it is not part of the header. */
    private static Reader skipByteOrderMark(java.io.BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    private static double latency(String text, Path file, String field) throws OfaException {
        String t = text.strip();
        double v;
        try {
            // YAML spells NaN/inf as .nan/.inf; report them as such rather than "not a number".
            String lower = t.toLowerCase();
            if (lower.equals(".nan") || lower.equals("nan")) {
                v = Double.NaN;
            } else if (lower.matches("[+-]?\\.?inf(inity)?")) {
                v = lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            } else {
                v = Double.parseDouble(t);
            }
        } catch (NumberFormatException e) {
            throw OfaException.inFile(file, field, "a number (ms)", "'" + text + "'");
        }
        return checkLatency(v, text, file, field);
    }

    private static double checkLatency(double v, String text, Path file, String field) throws OfaException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw OfaException.inFile(file, field, "a finite latency in ms", text);
        }
        if (v < 0) {
            throw OfaException.inFile(file, field, "a non-negative latency in ms", text);
        }
        return v;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
