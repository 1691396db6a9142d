import Foundation

/// A file from another system (a CASE package, a Moodle export) read as framework content, with
/// what the reader had to generate or adapt and what is left to write, in the order met: for
/// the importer to show and the draft to keep.
public struct FrameworkReading: Sendable {
    public var content: FrameworkContent
    public var notes: [String]
}
