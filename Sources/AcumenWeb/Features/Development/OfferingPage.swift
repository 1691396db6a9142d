import AcumenCore
import AcumenStore
import Foundation
import Plot

/// One offering: what it is, how it is given, what it develops and what comes first, and the
/// activity id learning records name it by.
enum OfferingPage {
    static func render(
        _ offering: Offering, loaded: CatalogueController.Loaded, sessions: [SessionsController.Listed],
        usage: CommunityRepository.Usage? = nil, sessionForm: [String: String] = [:],
        sessionProblems: [ValidationProblem] = [], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let byCode = Dictionary(
            loaded.offerings.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        return Layout.page(offering.title, context: context) {
            Paragraph { Link(text.text(CataloguePageMessage.title), url: SitePath.catalogue.url()) }
            H1(offering.title)
            if !offering.summary.isEmpty { Paragraph(offering.summary) }
            Tag("dl") {
                for (term, value) in [
                    (CataloguePageMessage.code, offering.code), (.category, offering.category),
                    (.format, text.text(CataloguePageMessage(offering.format))),
                    (.duration, CataloguePage.duration(offering.durationMinutes, text: text)),
                    (.language, CataloguePage.languageName(offering.language, text: text)),
                    (.phase, text.text(CataloguePageMessage(offering.phase))),
                    (.provider, offering.provider.isEmpty ? "–" : offering.provider),
                    (.owner, offering.owner.isEmpty ? "–" : offering.owner),
                ] {
                    Tag("dt") { Text(text.text(term)) }
                    Tag("dd") { Text(value) }
                }
                Tag("dt") { Text(text.text(CataloguePageMessage.whereToTakeIt)) }
                Tag("dd") {
                    if offering.link.isEmpty {
                        Text("–")
                    } else {
                        Link(offering.link, url: offering.link)
                    }
                }
                Tag("dt") { Text(text.text(CataloguePageMessage.activityID)) }
                Tag("dd") { Tag("code") { Text(offering.xapiActivityID) } }
            }.class("facts")
            if offering.format == .rolePlay && context.user?.personID != nil {
                Paragraph {
                    Link(text.text(PracticeMessage.rate), url: SitePath.offeringPractice.url(offering.id)).class(
                        "button")
                }
            }
            if let usage {
                CommunityPages.usage(
                    usage, offeringID: offering.id, mayRate: context.user?.personID != nil, context: context)
            }
            H2(text.text(CataloguePageMessage.develops))
            if offering.targets.isEmpty {
                Paragraph(text.text(CataloguePageMessage.developsNothing))
            } else {
                List(offering.targets) { target in
                    let framework = loaded.framework(target.frameworkID)
                    let competency = framework?.competencies.first { $0.code == target.competencyCode }
                    return ListItem(
                        text.text(
                            CataloguePageMessage.target,
                            [
                                "code": target.competencyCode, "title": competency?.title ?? "",
                                "from": framework?.levels.name(at: target.fromLevel) ?? "",
                                "to": framework?.levels.name(at: target.toLevel) ?? "",
                                "framework": framework?.name ?? "",
                            ]))
                }
            }
            if offering.format == .classroom || offering.format == .virtualClassroom {
                SessionsSection(
                    offering: offering, sessions: sessions, form: sessionForm, problems: sessionProblems,
                    context: context)
            }
            H2(text.text(CataloguePageMessage.first))
            if offering.prerequisites.isEmpty {
                Paragraph(text.text(CataloguePageMessage.noPrerequisites))
            } else {
                List(offering.prerequisites) { code in
                    ListItem {
                        if let prerequisite = byCode[code.lowercased()] {
                            Link(prerequisite.title, url: SitePath.catalogueOffering.url(prerequisite.id))
                        } else {
                            Text(code)
                        }
                    }
                }
            }
        }
    }
}

/// The words of the catalogue's pages (English for now, through the catalogue).
enum CataloguePageMessage: String, MessageKey, CaseIterable {
    case title = "catalogue.title"
    case intro = "catalogue.intro"
    case nothingImported = "catalogue.nothingImported"
    case imported = "catalogue.imported"
    case filterIgnored = "catalogue.filterIgnored"
    case matching = "catalogue.matching"
    case noMatch = "catalogue.noMatch"
    case caption = "catalogue.caption"
    case offering = "catalogue.offering"
    case category = "catalogue.category"
    case format = "catalogue.format"
    case duration = "catalogue.duration"
    case language = "catalogue.language"
    case develops = "catalogue.develops"
    case any = "catalogue.any"
    case competencyChoice = "catalogue.competencyChoice"
    case find = "catalogue.find"
    case findHint = "catalogue.findHint"
    case competency = "catalogue.competency"
    case level = "catalogue.level"
    case toLevel = "catalogue.toLevel"
    case maxMinutes = "catalogue.maxMinutes"
    case phase = "catalogue.phase"
    case search = "catalogue.search"
    case keep = "catalogue.keep"
    case export = "catalogue.export"
    case learningRecords = "catalogue.learningRecords"
    case groupGaps = "catalogue.groupGaps"
    case newCategory = "catalogue.newCategory"
    case addCategory = "catalogue.addCategory"
    case categoryAdded = "catalogue.categoryAdded"
    case importFile = "catalogue.importFile"
    case importHint = "catalogue.importHint"
    case importButton = "catalogue.importButton"
    case minutes = "catalogue.minutes"
    case hours = "catalogue.hours"
    case hoursAndMinutes = "catalogue.hoursAndMinutes"
    case code = "catalogue.code"
    case provider = "catalogue.provider"
    case owner = "catalogue.owner"
    case whereToTakeIt = "catalogue.whereToTakeIt"
    case activityID = "catalogue.activityID"
    case developsNothing = "catalogue.developsNothing"
    case target = "catalogue.target"
    case first = "catalogue.first"
    case noPrerequisites = "catalogue.noPrerequisites"
    case classroom = "catalogue.format.classroom"
    case virtualClassroom = "catalogue.format.virtualClassroom"
    case eLearning = "catalogue.format.eLearning"
    case selfStudy = "catalogue.format.selfStudy"
    case recordedSession = "catalogue.format.recordedSession"
    case video = "catalogue.format.video"
    case rolePlay = "catalogue.format.rolePlay"
    case coaching = "catalogue.format.coaching"
    case mentoring = "catalogue.format.mentoring"
    case knowledgeCheck = "catalogue.format.knowledgeCheck"
    case technical = "catalogue.phase.technical"
    case relationship = "catalogue.phase.relationship"

    // Keys are the prefix and the raw value; `MessageKeyTests` holds every format and phase.
    init(_ format: OfferingFormat) {
        self.init(rawValue: "catalogue.format.\(format.rawValue)")!
    }

    init(_ phase: LearningPhase) {
        self.init(rawValue: "catalogue.phase.\(phase.rawValue)")!
    }
}
