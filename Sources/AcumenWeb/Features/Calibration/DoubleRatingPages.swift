import AcumenCore
import Foundation
import Plot

enum DoubleRatingPages {
    static func cycle(
        cycle: AssessmentCycle, percent: Int, assignments: [DoubleRatingAssignment], context: PageContext
    ) -> HTMLPage {
        let base = SitePath.cycleDoubleRatings.url(cycle.id)
        let text = context.localizer
        let title = text.text(DoubleRatingMessage.title, ["cycle": cycle.name])
        return Layout.page(title, context: context) {
            Paragraph { Link(text.text(PreviewMessage.back, ["cycle": cycle.name]), url: SitePath.cycle.url(cycle.id)) }
            H1(title)
            Paragraph(text.text(DoubleRatingMessage.intro))
            if cycle.status == .draft || cycle.status == .open {
                Form(
                    url: "\(base)/percent", method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Field(
                            label: text.text(DoubleRatingMessage.fieldPercent), name: "percent", value: "\(percent)",
                            type: .number, required: true,
                            hint: text.text(
                                DoubleRatingMessage.hintPercent,
                                ["maximum": text.integer(DoubleRatingPlan.maximumPercent)]))
                        SubmitButton(title: text.text(DoubleRatingMessage.save), style: "button")
                    })
            } else {
                Paragraph(text.text(DoubleRatingMessage.share, ["percent": text.percent(Double(percent) / 100)]))
            }
            if cycle.status == .open && percent > 0 {
                ActionButton(title: text.text(DoubleRatingMessage.assign), url: "\(base)/assign", csrf: context.csrf)
            } else if cycle.status == .draft {
                Paragraph(text.text(DoubleRatingMessage.assignLater)).class("hint")
            }
            if assignments.isEmpty {
                Paragraph(text.text(DoubleRatingMessage.nothingYet))
            } else {
                DataTable.text(
                    caption: text.text(DoubleRatingMessage.caption),
                    headings: [DoubleRatingMessage.colSubject, .colRater, .colAssigned, .colSubmitted].map {
                        text.text($0)
                    },
                    rows: assignments.map {
                        [
                            $0.subjectName, $0.raterEmail, $0.assignedOn.map(text.date) ?? "",
                            $0.submittedOn.map(text.date) ?? text.text(DoubleRatingMessage.notYet),
                        ]
                    })
            }
        }
    }

    static func form(
        _ assignment: DoubleRatingAssignment, framework: FrameworkContent, fields: [String: String],
        problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let url = SitePath.secondRating.url(assignment.id)
        let done = assignment.submittedOn != nil
        let text = context.localizer
        let title = text.text(ParticipantMessage.secondRatingOf, ["subject": assignment.subjectName])
        return Layout.page(title, context: context, scripts: [RaterFormScript.path]) {
            Paragraph { Link(text.text(ParticipantMessage.title), url: SitePath.calibration.url()) }
            H1(title)
            Paragraph(
                text.text(
                    ParticipantMessage.secondRatingIntro,
                    ["cycle": assignment.cycleName, "subject": assignment.subjectName]))
            ProblemList(
                problems: problems, labels: [:], heading: text.text(ParticipantMessage.notSubmitted), text: text)
            if let submitted = assignment.submittedOn {
                Paragraph(text.text(ParticipantMessage.submittedOnSentence, ["date": text.date(submitted)]))
                    .class("flash")
            }
            Form(
                url: url, method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    BehaviourGrid(framework: framework, fields: fields, text: text)
                    Paragraph().id("save-status").class("save-status").attribute(named: "aria-live", value: "polite")
                    if !done { SubmitButton(title: text.text(ParticipantMessage.finishLater), style: "button") }
                }
            ).attribute(named: "data-autosave", value: done ? nil : "\(url)/autosave")
                .attributes(AutosaveMessage.attributes(text))
            if !done {
                ActionButton(
                    title: text.text(ParticipantMessage.submitSecond), url: "\(url)/submit", csrf: context.csrf,
                    style: "button primary")
            }
        }
    }

    static func drift(
        _ drift: [RaterDrift], cycleNames: [UUID: String], people: [UUID: String], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let figure = StatisticText(text)
        return Layout.page(text.text(DriftMessage.title), context: context) {
            Paragraph { Link(text.text(DriftMessage.back), url: SitePath.calibration.url()) }
            H1(text.text(DriftMessage.title))
            Paragraph(text.text(DriftMessage.intro, ["rule": CalibrationThresholds.standard.text(text)]))
            if drift.isEmpty {
                Paragraph(text.text(DriftMessage.nothingYet))
            } else {
                DataTable.text(
                    caption: text.text(DriftMessage.caption),
                    headings: [
                        text.text(DriftMessage.colSupervisor), text.text(DriftMessage.colCycle),
                        text.text(CalibrationSetupMessage.colRatings), text.text(CalibrationSetupMessage.colExact),
                        text.text(CalibrationSetupMessage.colAdjacent), text.text(CalibrationSetupMessage.colBias),
                        text.text(DriftMessage.colStatus),
                    ],
                    rows: drift.flatMap { rater in
                        rater.points.enumerated().map { index, point in
                            let isLatest = index == rater.points.count - 1
                            return [
                                people[rater.raterPersonID] ?? text.text(DriftMessage.unknown),
                                cycleNames[point.cycleID] ?? "", text.integer(point.agreement.ratings),
                                figure.percent(point.agreement.exactAgreement),
                                figure.percent(point.agreement.adjacentAgreement),
                                figure.signed(point.agreement.meanDeviation),
                                isLatest
                                    ? (rater.isDrifting
                                        ? text.text(
                                            DriftMessage.drifting,
                                            ["shortfalls": text.list(rater.shortfalls.map { $0.text(text) })])
                                        : text.text(DriftMessage.steady))
                                    : "",
                            ]
                        }
                    })
            }
        }
    }
}
