import Foundation

/// Where an imported framework version came from and what its import had to add, so that its
/// draft page can say what was carried over and generated, and a version fetched from a CASE
/// provider can be fetched again when the provider publishes a later one.
public struct FrameworkOrigin: Hashable, Codable, Sendable {
    public enum Source: String, Codable, Sendable {
        /// A CASE package file, uploaded or given to the command line.
        case casePackage
        /// A CASE package fetched from another provider's `CFPackages/{id}`.
        case caseProvider
        /// A Moodle competency-framework CSV export.
        case moodleCSV
    }

    public var source: Source
    /// The package's address, for a framework fetched from a provider.
    public var url: String?
    public var importedAt: Date
    /// What the import generated or adapted (codes, titles, a category), in the order met.
    public var notes: [String]

    public init(source: Source, url: String? = nil, importedAt: Date = Date(), notes: [String] = []) {
        self.source = source
        self.url = url
        self.importedAt = importedAt
        self.notes = notes
    }

    /// How the source reads in a sentence: "a CASE package file".
    public var sourceDescription: String {
        switch source {
        case .casePackage: "a CASE package file"
        case .caseProvider: "the CASE provider at \(url ?? "an unknown address")"
        case .moodleCSV: "a Moodle competency-framework export"
        }
    }
}
