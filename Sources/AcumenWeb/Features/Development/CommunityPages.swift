import AcumenCore
import AcumenStore
import Foundation
import Plot

/// Sharing a video or guide with colleagues, and the programme's review queue.
enum CommunityPages {
    static func share(
        framework: FrameworkContent, categories: [String], mine: [CommunitySubmission], fields: [String: String],
        problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let title = text.text(CommunityMessage.shareTitle)
        let levels = framework.levels.names.indices.map {
            SelectField.Choice(value: "\($0)", label: framework.levels.name(at: $0) ?? "\($0 + 1)")
        }
        return Layout.page(title, context: context) {
            Paragraph { Link(text.text(CataloguePageMessage.title), url: SitePath.catalogue.url()) }
            H1(title)
            Paragraph(text.text(CommunityMessage.shareIntro)).class("hint")
            ProblemList(
                problems: problems,
                labels: [
                    "title": text.text(CommunityMessage.titleField), "summary": text.text(CommunityMessage.summary),
                    "format": text.text(CommunityMessage.format), "link": text.text(CommunityMessage.link),
                    "durationMinutes": text.text(CommunityMessage.minutes),
                    "category": text.text(CommunityMessage.category),
                    "competency": text.text(CommunityMessage.competency),
                    "toLevel": text.text(CommunityMessage.toLevel),
                ], heading: text.text(CommunityMessage.notSubmitted), text: text)
            Form(
                url: SitePath.communityShare.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(CommunityMessage.titleField), name: "title", value: fields["title"] ?? "",
                        required: true, maxLength: TextLimits.name)
                    AreaField(
                        label: text.text(CommunityMessage.summary), name: "summary", value: fields["summary"] ?? "",
                        rows: 3)
                    Div {
                        SelectField(
                            label: text.text(CommunityMessage.format), name: "format",
                            choices: CommunitySubmission.formats.map {
                                .init(value: $0.rawValue, label: text.text(CataloguePageMessage($0)))
                            }, selected: fields["format"])
                        Field(
                            label: text.text(CommunityMessage.minutes), name: "durationMinutes",
                            value: fields["durationMinutes"] ?? "", type: .number, required: true)
                    }.class("field-row")
                    Field(
                        label: text.text(CommunityMessage.link), name: "link", value: fields["link"] ?? "", type: .url,
                        required: true)
                    Div {
                        SelectField(
                            label: text.text(CommunityMessage.category), name: "category",
                            choices: categories.map { .init(value: $0, label: $0) }, selected: fields["category"])
                        SelectField(
                            label: text.text(CommunityMessage.competency), name: "competency",
                            choices: framework.competencies.map {
                                .init(value: $0.code, label: "\($0.code) \($0.title)")
                            },
                            selected: fields["competency"])
                    }.class("field-row")
                    Div {
                        SelectField(
                            label: text.text(CommunityMessage.fromLevel), name: "fromLevel", choices: levels,
                            selected: fields["fromLevel"] ?? "0")
                        SelectField(
                            label: text.text(CommunityMessage.toLevel), name: "toLevel", choices: levels,
                            selected: fields["toLevel"] ?? "1")
                    }.class("field-row")
                    SubmitButton(title: text.text(CommunityMessage.submit))
                })
            if !mine.isEmpty {
                H2(text.text(CommunityMessage.mine))
                List(mine) { submission in
                    ListItem {
                        Text(
                            text.text(
                                CommunityMessage(submission.status),
                                ["title": submission.title, "note": submission.reviewNote]) + " ")
                        if let offering = submission.offeringID {
                            Link(text.text(CommunityMessage.open), url: SitePath.catalogueOffering.url(offering))
                        }
                    }
                }
            }
        }
    }

    static func queue(submissions: [CommunitySubmission], framework: FrameworkContent, context: PageContext)
        -> HTMLPage
    {
        let text = context.localizer
        let title = text.text(CommunityMessage.queueTitle)
        let waiting = submissions.filter { $0.status == .submitted }
        return Layout.page(title, context: context) {
            Paragraph { Link(text.text(CataloguePageMessage.title), url: SitePath.catalogue.url()) }
            H1(title)
            if waiting.isEmpty { Paragraph(text.text(CommunityMessage.nothingWaiting)) }
            List(waiting) { submission in
                ListItem {
                    H2(submission.title)
                    Paragraph(
                        text.text(
                            CommunityMessage.byLine,
                            [
                                "name": submission.contributorName,
                                "format": text.text(CataloguePageMessage(submission.format)),
                                "minutes": text.integer(submission.durationMinutes),
                                "category": submission.category, "code": submission.target.competencyCode,
                                "from": framework.levels.name(at: submission.target.fromLevel) ?? "",
                                "to": framework.levels.name(at: submission.target.toLevel) ?? "",
                            ]))
                    if !submission.summary.isEmpty { Paragraph(submission.summary) }
                    Paragraph { Link(submission.link, url: submission.link) }
                    Form(
                        url: SitePath.communityPublish.url(submission.id), method: .post,
                        content: {
                            CSRFField(token: context.csrf)
                            Div {
                                SelectField(
                                    label: text.text(CataloguePageMessage.phase), name: "phase",
                                    choices: LearningPhase.allCases.map {
                                        .init(value: $0.rawValue, label: text.text(CataloguePageMessage($0)))
                                    })
                                Field(label: text.text(CommunityMessage.noteOptional), name: "note")
                            }.class("field-row")
                            SubmitButton(title: text.text(CommunityMessage.publish, ["title": submission.title]))
                        })
                    Form(
                        url: SitePath.communityReturn.url(submission.id), method: .post,
                        content: {
                            CSRFField(token: context.csrf)
                            Field(label: text.text(CommunityMessage.whatToChange), name: "note", required: true)
                            SubmitButton(
                                title: text.text(CommunityMessage.giveBack, ["title": submission.title]),
                                style: "button")
                        })
                }.class("card")
            }.class("plain")
        }
    }

    /// How colleagues use an offering: views, ratings, and the viewer's own rating.
    static func usage(_ usage: CommunityRepository.Usage, offeringID: UUID, mayRate: Bool, context: PageContext)
        -> Component
    {
        let text = context.localizer
        return Div {
            Paragraph(
                text.text(CommunityMessage.usage, count: usage.views) + " "
                    + (usage.ratings == 0
                        ? text.text(CommunityMessage.noRatings)
                        : text.text(
                            CommunityMessage.ratings, count: usage.ratings,
                            ["average": usage.averageStars.map { text.decimal($0, fractionDigits: 1) } ?? "–"])))
            if mayRate {
                Form(
                    url: SitePath.offeringRating.url(offeringID), method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        SelectField(
                            label: text.text(CommunityMessage.yourRating), name: "stars",
                            choices: (1...5).reversed().map {
                                .init(value: "\($0)", label: text.text(CommunityMessage.stars, count: $0))
                            }, selected: usage.mine.map(String.init) ?? "5")
                        SubmitButton(title: text.text(CommunityMessage.rate), style: "button")
                    })
            }
        }.class("card")
    }
}

/// The words of community content and ratings (English for now, through the catalogue).
enum CommunityMessage: String, MessageKey, CaseIterable {
    case shareTitle = "community.shareTitle"
    case shareIntro = "community.shareIntro"
    case titleField = "community.titleField"
    case summary = "community.summary"
    case format = "community.format"
    case minutes = "community.minutes"
    case link = "community.link"
    case category = "community.category"
    case competency = "community.competency"
    case fromLevel = "community.fromLevel"
    case toLevel = "community.toLevel"
    case submit = "community.submit"
    case notSubmitted = "community.notSubmitted"
    case submitted = "community.submittedNow"
    case mine = "community.mine"
    case open = "community.open"
    case statusSubmitted = "community.status.submitted"
    case statusPublished = "community.status.published"
    case statusReturned = "community.status.returned"
    case queueTitle = "community.queueTitle"
    case nothingWaiting = "community.nothingWaiting"
    case byLine = "community.byLine"
    case noteOptional = "community.noteOptional"
    case publish = "community.publish"
    case whatToChange = "community.whatToChange"
    case giveBack = "community.giveBack"
    case published = "community.published"
    case returnedNow = "community.returnedNow"
    case usage = "community.usage"
    case ratings = "community.ratings"
    case noRatings = "community.noRatings"
    case yourRating = "community.yourRating"
    case stars = "community.stars"
    case rate = "community.rate"
    case rated = "community.rated"
    case share = "community.share"
    case review = "community.review"

    // Keys are the prefix and the raw value; `MessageKeyTests` holds every case.
    init(_ status: CommunitySubmission.Status) { self.init(rawValue: "community.status.\(status.rawValue)")! }
}
