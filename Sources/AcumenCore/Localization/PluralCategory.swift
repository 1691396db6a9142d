/// The CLDR plural categories a message can have variants for.
public enum PluralCategory: String, CaseIterable, Codable, Sendable {
    case zero, one, two, few, many, other
}

extension Language {
    /// The categories this language tells apart for whole numbers, by CLDR's plural rules.
    public var pluralCategories: [PluralCategory] {
        switch self {
        case .english, .german: [.one, .other]
        case .french, .spanish, .brazilianPortuguese: [.one, .many, .other]
        case .simplifiedChinese, .japanese: [.other]
        case .arabic: [.zero, .one, .two, .few, .many, .other]
        }
    }

    /// The plural category of a whole number, by CLDR's rules (release 46) with no visible
    /// fraction digits. Foundation has no public way to ask this on Linux, hence written here.
    public func pluralCategory(of count: Int) -> PluralCategory {
        let n = count.magnitude
        // French, Spanish and Portuguese use "many" for whole millions ("1 000 000 de personnes").
        let isWholeMillion = n != 0 && n % 1_000_000 == 0
        switch self {
        case .english, .german:
            return n == 1 ? .one : .other
        case .spanish:
            if n == 1 { return .one }
            return isWholeMillion ? .many : .other
        case .french, .brazilianPortuguese:
            if n == 0 || n == 1 { return .one }
            return isWholeMillion ? .many : .other
        case .simplifiedChinese, .japanese:
            return .other
        case .arabic:
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                let lastTwo = n % 100
                if (3...10).contains(lastTwo) { return .few }
                if (11...99).contains(lastTwo) { return .many }
                return .other
            }
        }
    }
}
