import AcumenCore
import Foundation
import Plot

enum DoubleRatingPages {
    static func cycle(
        cycle: AssessmentCycle, percent: Int, assignments: [DoubleRatingAssignment], context: PageContext
    ) -> HTMLPage {
        let base = SitePath.cycleDoubleRatings.url(cycle.id)
        return Layout.page("Double rating: \(cycle.name)", context: context) {
            Paragraph { Link("Back to \(cycle.name)", url: SitePath.cycle.url(cycle.id)) }
            H1("Double rating: \(cycle.name)")
            Paragraph(
                "A share of account managers is rated a second time by another calibrated rater, never their own supervisor. Comparing the two shows, cycle after cycle, whether supervisors drift from what calibration agreed."
            )
            if cycle.status == .draft || cycle.status == .open {
                Form(
                    url: "\(base)/percent", method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        Field(
                            label: "Share of account managers to double-rate (%)", name: "percent", value: "\(percent)",
                            type: .number, required: true,
                            hint: "0 to \(DoubleRatingPlan.maximumPercent); 15 is usual.")
                        SubmitButton(title: "Save the share", style: "button")
                    })
            } else {
                Paragraph("Share: \(percent) %.")
            }
            if cycle.status == .open && percent > 0 {
                ActionButton(title: "Assign second raters", url: "\(base)/assign", csrf: context.csrf)
            } else if cycle.status == .draft {
                Paragraph("Second raters are assigned once the cycle is open.").class("hint")
            }
            if assignments.isEmpty {
                Paragraph("No second raters assigned.")
            } else {
                DataTable.text(
                    caption: "Second raters", headings: ["Account manager", "Second rater", "Assigned", "Submitted"],
                    rows: assignments.map {
                        [
                            $0.subjectName, $0.raterEmail, $0.assignedOn?.description ?? "",
                            $0.submittedOn?.description ?? "not yet",
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
        Layout.page("Drift in live cycles", context: context) {
            Paragraph { Link("Calibration", url: SitePath.calibration.url()) }
            H1("Drift in live cycles")
            Paragraph(
                "Each supervisor's levels against a calibrated second rater's on the same account managers, cycle by cycle. A supervisor whose latest cycle misses the calibration thresholds (\(CalibrationThresholds.standard.description)) is drifting and should calibrate again."
            )
            if drift.isEmpty {
                Paragraph("No second ratings have been submitted yet.")
            } else {
                DataTable.text(
                    caption: "Supervisors against second raters",
                    headings: [
                        "Supervisor", "Cycle", "Ratings", "Exact", "Within one level", "Bias (levels)", "Status",
                    ],
                    rows: drift.flatMap { rater in
                        rater.points.enumerated().map { index, point in
                            let isLatest = index == rater.points.count - 1
                            return [
                                people[rater.raterPersonID] ?? "Unknown", cycleNames[point.cycleID] ?? "",
                                "\(point.agreement.ratings)", Percent.text(point.agreement.exactAgreement),
                                Percent.text(point.agreement.adjacentAgreement),
                                StatisticText.signed(point.agreement.meanDeviation),
                                isLatest
                                    ? (rater.isDrifting
                                        ? "Drifting: " + rater.shortfalls.map(\.description).joined(separator: "; ")
                                        : "Steady")
                                    : "",
                            ]
                        }
                    })
            }
        }
    }
}
