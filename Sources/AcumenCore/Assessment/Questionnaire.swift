/// The customer questionnaire: questions on the frequency scale, each about one competency.
public struct Questionnaire: Hashable, Codable, Sendable {
    public struct Question: Hashable, Codable, Sendable {
        /// Stable within the questionnaire, e.g. `OM.1-a`, so answers and action plans can refer to it.
        public var code: String
        public var competencyCode: String
        /// Phrased about the account manager, answerable with Never to Always, in the
        /// questionnaire's language.
        public var text: String
        /// The same question in other languages. Answers count as answers to the question,
        /// whichever language it was read in.
        public var translations: [Language: String]

        public init(code: String, competencyCode: String, text: String, translations: [Language: String] = [:]) {
            self.code = code
            self.competencyCode = competencyCode
            self.text = text
            self.translations = translations
        }

        /// The question as a reader of `language` gets it, and the language it is really in.
        public func text(in language: Language, original: ContentLanguage) -> TranslatedText {
            TranslatedText.pick(language, original: original, text: text, translated: translations[language])
        }

        private enum CodingKeys: String, CodingKey {
            case code, competencyCode, text, translations
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            competencyCode = try container.decode(String.self, forKey: .competencyCode)
            text = try container.decode(String.self, forKey: .text)
            translations = try container.decodeIfPresent([Language: String].self, forKey: .translations) ?? [:]
        }
    }

    public var title: String
    public var introduction: String
    public var questions: [Question]
    /// The language the questionnaire was written in.
    public var language: ContentLanguage
    /// The title and introduction in other languages.
    public var titleTranslations: [Language: String]
    public var introductionTranslations: [Language: String]

    public init(
        title: String, introduction: String, questions: [Question], language: ContentLanguage = .english,
        titleTranslations: [Language: String] = [:], introductionTranslations: [Language: String] = [:]
    ) {
        self.title = title
        self.introduction = introduction
        self.questions = questions
        self.language = language
        self.titleTranslations = titleTranslations
        self.introductionTranslations = introductionTranslations
    }

    public func title(in language: Language) -> TranslatedText {
        TranslatedText.pick(language, original: self.language, text: title, translated: titleTranslations[language])
    }

    public func introduction(in language: Language) -> TranslatedText {
        TranslatedText.pick(
            language, original: self.language, text: introduction, translated: introductionTranslations[language])
    }

    /// The languages every question, the title and the introduction can be read in.
    public var completeLanguages: [Language] {
        Language.allCases.filter { language in
            language == self.language.readerLanguage
                || (titleTranslations[language] != nil && introductionTranslations[language] != nil
                    && questions.allSatisfy { $0.translations[language] != nil })
        }
    }

    /// About half a minute per question is what a customer who knows the account manager needs.
    public var estimatedMinutes: Int { max(1, (questions.count + 1) / 2) }

    public func questions(for competencyCode: String) -> [Question] {
        questions.filter { $0.competencyCode == competencyCode }
    }

    /// Problems that make the questionnaire unusable with this framework; empty when it fits.
    public func problems(against framework: FrameworkContent) -> [String] {
        var problems: [String] = []
        let codes = Set(framework.competencies.map(\.code))
        var seen: Set<String> = []
        for question in questions {
            if !seen.insert(question.code).inserted { problems.append("question code \(question.code) is used twice") }
            if !codes.contains(question.competencyCode) {
                problems.append(
                    "question \(question.code) refers to \(question.competencyCode), which the framework does not have")
            }
            let text = question.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { problems.append("question \(question.code) has no text") }
            if text.count > TextLimits.behaviour {
                problems.append("question \(question.code) is longer than \(TextLimits.behaviour) characters")
            }
        }
        for code in framework.competencies.map(\.code) where questions(for: code).isEmpty {
            problems.append("competency \(code) has no question")
        }
        return problems
    }
}

extension Questionnaire {
    /// The questionnaire a new cycle starts with: the built-in questions whose competency the
    /// framework has, and one plain question for each competency the built-in set does not cover.
    /// Programme managers edit the wording while the cycle is a draft.
    public static func starting(for framework: FrameworkContent, from base: Questionnaire) -> Questionnaire {
        var questions: [Question] = []
        for competency in framework.competencies {
            let existing = base.questions(for: competency.code)
            if existing.isEmpty {
                questions.append(
                    Question(
                        code: "\(competency.code)-a", competencyCode: competency.code,
                        text: "My account manager shows \(competency.title.lowercased()) in their work with us."))
            } else {
                questions += existing
            }
        }
        return Questionnaire(
            title: base.title, introduction: base.introduction, questions: questions, language: base.language,
            titleTranslations: base.titleTranslations, introductionTranslations: base.introductionTranslations)
    }
}
