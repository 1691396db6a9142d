import Foundation

/// Turns codes written by another system (Moodle ID numbers, CASE human coding schemes) into
/// Acumen codes: allowed characters only, at most `TextLimits.code` of them, each used once
/// whatever its case. A code that already fits comes back as it is.
struct CodeAllocator {
    private var used: Set<String> = []
    /// The codes that had to change, in the order met.
    private(set) var adapted: [(given: String, code: String)] = []

    mutating func code(for idNumber: String) -> String {
        let cleaned = String(
            idNumber.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" ? $0 : "-" }
                .prefix(TextLimits.code))
        var candidate = cleaned.isEmpty ? "C" : cleaned
        var number = 2
        while used.contains(candidate.uppercased()) {
            let suffix = "-\(number)"
            candidate = String(cleaned.prefix(TextLimits.code - suffix.count)) + suffix
            number += 1
        }
        used.insert(candidate.uppercased())
        if candidate != idNumber { adapted.append((idNumber, candidate)) }
        return candidate
    }
}
