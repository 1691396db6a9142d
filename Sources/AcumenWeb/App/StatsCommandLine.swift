import AcumenCore
import ArgumentParser
import Foundation

/// `acumen stats agreement FILE.csv [--level L] [--format json|table] [--pairs]`.
///
/// Handled before the web application is built: the statistics need no database and no
/// configuration, and starting neither keeps the command fast on large tables.
public enum StatsCommandLine {
    /// How to call the command, in the reader's language.
    public static func usage(_ text: Localizer) -> String {
        text.text(StatsCommandMessage.usage)
    }

    /// The options of `stats agreement`, read by ArgumentParser.
    struct AgreementOptions: ParsableArguments {
        @Argument(help: ArgumentHelp(CommandHelp.text(.statsFile)))
        var file: String

        @Option(help: ArgumentHelp(CommandHelp.text(.statsLevel)), transform: Self.level)
        var level: MeasurementLevel?

        @Option(help: ArgumentHelp(CommandHelp.text(.statsFormat)), transform: Self.format)
        var format: String = "json"

        @Flag(help: ArgumentHelp(CommandHelp.text(.statsPairs)))
        var pairs = false

        @Flag(help: ArgumentHelp(CommandHelp.text(.statsTimings)))
        var timings = false

        static func level(_ text: String) throws -> MeasurementLevel {
            guard let level = MeasurementLevel(rawValue: text) else {
                throw ValidationError(CommandHelp.text(.statsLevelValues))
            }
            return level
        }

        static func format(_ text: String) throws -> String {
            guard text == "json" || text == "table" else { throw ValidationError(CommandHelp.text(.statsFormatValues)) }
            return text
        }
    }

    /// Runs the command when the arguments ask for it; nil when they are for another command.
    public static func run(
        _ arguments: [String], read: (String) throws -> Data = Self.readInput,
        output: (String) -> Void = { print($0) },
        error: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
        language: Localizer? = nil
    ) -> Int32? {
        let text = language ?? CommandHelp.localizer
        let usage = usage(text)
        guard arguments.count >= 2, arguments[1] == "stats" else { return nil }
        let rest = Array(arguments.dropFirst(2))
        guard rest.first == "agreement" else {
            error(usage)
            return rest.isEmpty || rest.first == "--help" ? 0 : 2
        }
        let options: AgreementOptions
        do {
            options = try AgreementOptions.parse(Array(rest.dropFirst()))
        } catch let problem {
            if AgreementOptions.exitCode(for: problem) == .success {
                output(usage)
                return 0
            }
            error(
                text.text(StatsCommandMessage.failed, ["problem": AgreementOptions.message(for: problem)]) + "\n\n"
                    + usage)
            return 2
        }
        let file = options.file
        let levels = options.level.map { [$0] }
        let asTable = options.format == "table"
        let pairs = options.pairs
        let timings = options.timings
        let data: Data
        do {
            data = try read(file)
        } catch let problem {
            error(
                text.text(
                    StatsCommandMessage.unreadable, ["file": file, "problem": problem.localizedDescription]))
            return 1
        }
        do {
            let started = ContinuousClock.now
            let table = try RatingTableReader.read(data)
            let reading = ContinuousClock.now - started
            let report = AgreementReport.compute(table.matrix, raterNames: table.raters, levels: levels, pairs: pairs)
            output(asTable ? report.table(in: text) : try json(report))
            if timings {
                error(timingReport(table.matrix, levels: report.krippendorffAlpha.map(\.0), reading: reading))
            }
            return 0
        } catch let problem as RatingTableReader.Problem {
            error(
                text.text(
                    StatsCommandMessage.failed, ["problem": "\(file): " + problem.description(in: text)]))
            return 1
        } catch let problem {
            error(text.text(StatsCommandMessage.failed, ["problem": "\(problem)"]))
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
