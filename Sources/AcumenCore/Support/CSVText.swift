import CSV
import Foundation

/// CSV for people to open in a spreadsheet: CSV.swift's writer does the RFC 4180 quoting, and
/// text a spreadsheet would run as a formula is defused with a leading apostrophe.
public enum CSVText {
    /// The header row, then one row per record, each line ended by CRLF.
    public static func make(header: [String], rows: [[String]]) -> String {
        // Written a thousand rows at a time: a memory stream that grows to hundreds of
        // thousands of rows (a check's attempts) copies itself at each write and takes seconds.
        var text = write([header])
        for chunk in rows.chunked(into: 1_000) { text += "\r\n" + write(chunk.map { $0.map(defused) }) }
        return text + "\r\n"
    }

    private static func write(_ rows: some Sequence<[String]>) -> String {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for row in rows { try writer.write(row: row) }
            writer.stream.close()
        } catch {
            // Writing to memory fails only when memory does; nothing partial is returned.
            preconditionFailure("writing CSV to memory failed: \(error)")
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A leading apostrophe for text a spreadsheet would otherwise run as a formula. A plain
    /// negative number ("-0.25") is left as it is: it runs nothing, and figures must stay numbers
    /// for whoever counts them again. Text that would read back as defused ('=…) gets an
    /// apostrophe too, so that reading it back gives it as it was.
    public static func defused(_ value: String) -> String {
        guard let first = value.first else { return value }
        let runs = "=+-@\t\r".contains(first) && !isPlainNegativeNumber(value)
        return runs || undefused(value) != value ? "'" + value : value
    }

    /// The text `defused` wrote, as it was: what an import reads back from an export.
    public static func undefused(_ value: String) -> String {
        guard value.hasPrefix("'") else { return value }
        let rest = String(value.dropFirst())
        return defused(rest) == value ? rest : value
    }

    private static func isPlainNegativeNumber(_ value: String) -> Bool {
        let digits = value.utf8.dropFirst()
        guard value.utf8.first == UInt8(ascii: "-"), let head = digits.first, (48...57).contains(head) else {
            return false
        }
        var points = 0
        for byte in digits {
            if byte == UInt8(ascii: ".") {
                points += 1
            } else if !(48...57).contains(byte) {
                return false
            }
        }
        return points <= 1 && digits.last != UInt8(ascii: ".")
    }
}
