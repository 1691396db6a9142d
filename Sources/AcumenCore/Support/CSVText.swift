import CSV
import Foundation

/// CSV for people to open in a spreadsheet: CSV.swift's writer does the RFC 4180 quoting, and
/// text a spreadsheet would run as a formula is defused with a leading apostrophe.
public enum CSVText {
    /// The header row, then one row per record, each line ended by CRLF.
    public static func make(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            try writer.write(row: header)
            for row in rows { try writer.write(row: row.map(defused)) }
            writer.stream.close()
        } catch {
            // Writing to memory fails only when memory does; nothing partial is returned.
            preconditionFailure("writing CSV to memory failed: \(error)")
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// A leading apostrophe for text a spreadsheet would otherwise run as a formula.
    public static func defused(_ value: String) -> String {
        guard let first = value.first, "=+-@\t\r".contains(first) else { return value }
        return "'" + value
    }
}
