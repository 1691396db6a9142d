import AcumenCore
import Foundation

/// `acumen stats agreement FILE.csv [--level L] [--format json|table] [--pairs]`.
///
/// Handled before the web application is built: the statistics need no database and no
/// configuration, and starting neither keeps the command fast on large tables.
public enum StatsCommandLine {
    public static let usage = """
        Usage: acumen stats agreement FILE.csv [--level nominal|ordinal|interval|ratio] [--format json|table] [--pairs]

        Computes Krippendorff's alpha, the six intraclass correlations of Shrout and Fleiss and Fleiss' kappa
        for a rating table: a header row of rater names, then one row per rated unit; a blank cell is a
        missing rating. Use - to read the table from standard input.
          --level    Krippendorff's alpha at this level of measurement only (default: all four)
          --format   json (default) or table
          --pairs    also Cohen's kappa for every pair of raters
          --timings  also print to standard error how long reading and each statistic took (median of 20 runs)
        """

    /// Runs the command when the arguments ask for it; nil when they are for another command.
    public static func run(
        _ arguments: [String], read: (String) throws -> Data = Self.readInput,
        output: (String) -> Void = { print($0) },
        error: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) -> Int32? {
        guard arguments.count >= 2, arguments[1] == "stats" else { return nil }
        var rest = Array(arguments.dropFirst(2))
        guard rest.first == "agreement" else {
            error(usage)
            return rest.isEmpty || rest.first == "--help" ? 0 : 2
        }
        rest.removeFirst()
        var file: String?
        var levels = MeasurementLevel.allCases
        var asTable = false
        var pairs = false
        var timings = false
        while !rest.isEmpty {
            let argument = rest.removeFirst()
            switch argument {
            case "--help", "-h":
                output(usage)
                return 0
            case "--pairs":
                pairs = true
            case "--timings":
                timings = true
            case "--level":
                guard let value = rest.first, let level = MeasurementLevel(rawValue: value) else {
                    error("acumen stats: --level takes nominal, ordinal, interval or ratio")
                    return 2
                }
                rest.removeFirst()
                levels = [level]
            case "--format":
                guard let value = rest.first, value == "json" || value == "table" else {
                    error("acumen stats: --format takes json or table")
                    return 2
                }
                rest.removeFirst()
                asTable = value == "table"
            default:
                guard file == nil, argument == "-" || !argument.hasPrefix("-") else {
                    error("acumen stats: unknown argument \(argument)\n\n\(usage)")
                    return 2
                }
                file = argument
            }
        }
        guard let file else {
            error("acumen stats: name the CSV file to read\n\n\(usage)")
            return 2
        }
        let data: Data
        do {
            data = try read(file)
        } catch let problem {
            error("acumen stats: cannot read \(file): \(problem.localizedDescription)")
            return 1
        }
        do {
            let started = ContinuousClock.now
            let table = try RatingTableReader.read(data)
            let reading = ContinuousClock.now - started
            let report = AgreementReport.compute(table.matrix, raterNames: table.raters, levels: levels, pairs: pairs)
            output(asTable ? report.table : try json(report))
            if timings { error(timingReport(table.matrix, levels: levels, reading: reading)) }
            return 0
        } catch let problem as RatingTableReader.Problem {
            error("acumen stats: \(file): \(problem)")
            return 1
        } catch let problem {
            error("acumen stats: \(problem)")
            return 1
        }
    }

    /// Median times of each statistic on this table, for benchmarks.
    static func timingReport(_ matrix: RatingMatrix, levels: [MeasurementLevel], reading: Duration) -> String {
        func median(_ body: () -> Void) -> Duration {
            var runs: [Duration] = []
            for _ in 0..<20 {
                let start = ContinuousClock.now
                body()
                runs.append(ContinuousClock.now - start)
            }
            return runs.sorted()[runs.count / 2]
        }
        func milliseconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return String(format: "%.2f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        var lines = ["reading the table: \(milliseconds(reading))"]
        for level in levels {
            lines.append(
                "Krippendorff's alpha (\(level.rawValue)): \(milliseconds(median { _ = KrippendorffAlpha.alpha(matrix, level: level) }))"
            )
        }
        lines.append("all six ICCs: \(milliseconds(median { _ = IntraclassCorrelation.compute(matrix) }))")
        lines.append("Fleiss' kappa: \(milliseconds(median { _ = FleissKappa.kappa(matrix) }))")
        return lines.joined(separator: "\n")
    }

    public static func json(_ report: AgreementReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    public static func readInput(_ file: String) throws -> Data {
        file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
    }
}
