/// The ordered proficiency levels a framework rates against.
///
/// The scale belongs to the framework rather than being hard-wired, so a
/// later framework can use four or five levels. Position 0 is the lowest.
public struct LevelScale: Hashable, Codable, Sendable {
    public let names: [String]

    public init(names: [String]) {
        self.names = names
    }

    /// Baseline, Advanced and Expert: the three-level scale the programme recommends.
    public static let standard = LevelScale(names: ["Baseline", "Advanced", "Expert"])

    public var count: Int { names.count }

    public func name(at position: Int) -> String? {
        names.indices.contains(position) ? names[position] : nil
    }

    /// The position of a level, matched without regard to case or surrounding spaces.
    public func position(named name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return names.firstIndex { $0.lowercased() == wanted }
    }
}
