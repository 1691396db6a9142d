import AcumenCore
import Foundation
import Plot

enum CalibrationListPage {
    static func manager(
        exercises: [CalibrationExerciseSummary], frameworks: [FrameworkSummary], context: PageContext
    ) -> HTMLPage {
        Layout.page("Calibration", context: context) {
            H1("Calibration")
            Paragraph(
                "Before supervisors and other observers rate account managers, they rate reference cases blind and compare themselves with the master ratings an expert panel agreed. Acumen measures how close they are and who is calibrated."
            )
            Paragraph {
                Link("Who is due for calibration", url: SitePath.calibrationDue.url())
                Text(" · ")
                Link("Drift in live cycles", url: SitePath.calibrationDrift.url())
            }
            if exercises.isEmpty {
                Paragraph("No exercises yet.")
            } else {
                DataTable(
                    caption: "Calibration exercises",
                    headings: ["Exercise", "Framework", "Status", "Cases", "Submitted"],
                    rows: exercises.map { summary in
                        [
                            Link(summary.exercise.title, url: SitePath.calibrationExercise.url(summary.exercise.id)),
                            Text(summary.frameworkName), Text(summary.exercise.status.label), Text("\(summary.cases)"),
                            Text("\(summary.submitted) of \(summary.participants)"),
                        ]
                    })
            }
            H2("New exercise")
            Form(
                url: SitePath.calibration.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(label: "Title", name: "title", required: true, maxLength: TextLimits.name)
                    SelectField(
                        label: "Framework", name: "frameworkID",
                        choices: frameworks.map {
                            .init(value: $0.id.uuidString, label: "\($0.name), version \($0.version)")
                        })
                    AreaField(
                        label: "Expert panel", name: "panel", rows: 2,
                        hint: "Who agreed the master ratings; participants see it with the rationale.")
                    Field(
                        label: "Exact agreement needed (%)", name: "minimumExact",
                        value: percentValue(CalibrationThresholds.standard.minimumExactAgreement), type: .number,
                        required: true,
                        hint:
                            "Share of ratings at exactly the master's level. On a three-level scale this is the figure that tells a calibrated rater from a lucky one; 0 asks nothing."
                    )
                    Field(
                        label: "Adjacent agreement needed (%)", name: "minimumAdjacent",
                        value: percentValue(CalibrationThresholds.standard.minimumAdjacentAgreement), type: .number,
                        required: true,
                        hint: "Share of ratings within one level of the master: only Baseline against Expert misses it."
                    )
                    Field(
                        label: "Weighted kappa needed", name: "minimumKappa",
                        value: CalibrationThresholds.standard.minimumWeightedKappa.map { String($0) } ?? "",
                        type: .text,
                        hint:
                            "Agreement with the master beyond what chance would give, with near misses counting half: 1 is perfect, 0 is chance. Leave blank to ask nothing."
                    )
                    Field(
                        label: "Largest average bias (levels)", name: "maximumBias", value: "0.3", type: .text,
                        required: true, hint: "How far, on average, a rater may lean lenient or severe.")
                    Field(
                        label: "Calibration valid for (months)", name: "validMonths", value: "12", type: .number,
                        required: true)
                    SubmitButton(title: "Create the exercise")
                })
        }
    }

    private static func percentValue(_ share: Double) -> String { String(Int((share * 100).rounded())) }

    static func participant(
        exercises: [CalibrationExerciseSummary], status: CalibrationStatus?,
        secondRatings: [DoubleRatingAssignment], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        return Layout.page(text.text(ParticipantMessage.title), context: context) {
            H1(text.text(ParticipantMessage.title))
            Paragraph(statusSentence(status, today: .today, text: text))
            if exercises.isEmpty {
                Paragraph(text.text(ParticipantMessage.noExercise))
            } else {
                H2(text.text(ParticipantMessage.exercises))
                List(exercises) { summary in
                    ListItem {
                        Link(summary.exercise.title, url: SitePath.calibrationExercise.url(summary.exercise.id))
                        Text(
                            " · " + text.text(ParticipantMessage.cases, count: summary.cases) + " · "
                                + (summary.submittedByParticipantOn.map {
                                    text.text(ParticipantMessage.submittedOn, ["date": text.date($0)])
                                }
                                    ?? text.text(
                                        summary.exercise.status == .open ? ParticipantMessage.toDo : .closed)))
                    }
                }
            }
            if !secondRatings.isEmpty {
                H2(text.text(ParticipantMessage.secondRatings))
                List(secondRatings) { assignment in
                    ListItem {
                        Link(assignment.subjectName, url: SitePath.secondRating.url(assignment.id))
                        Text(
                            " · \(assignment.cycleName) · "
                                + (assignment.submittedOn.map {
                                    text.text(ParticipantMessage.submittedOn, ["date": text.date($0)])
                                } ?? text.text(ParticipantMessage.toDo)))
                    }
                }
            }
        }
    }

    static func statusSentence(_ status: CalibrationStatus?, today: CalendarDate, text: Localizer) -> String {
        guard let status else { return text.text(ParticipantMessage.notYetCalibrated) }
        if status.isValid(on: today), let until = status.calibratedUntil {
            return text.text(ParticipantMessage.calibratedUntil, ["date": text.date(until)])
        }
        if let until = status.calibratedUntil {
            return text.text(ParticipantMessage.ranOut, ["date": text.date(until)])
        }
        return text.text(ParticipantMessage.lastAttemptFailed, ["date": text.date(status.assessedOn)])
    }
}

enum CalibrationDuePage {
    /// The Users page with its new-user form filled in for this rater as a supervisor.
    static func loginAddress(for email: String) -> String {
        var components = URLComponents()
        components.path = SitePath.users.url()
        components.queryItems = [
            URLQueryItem(name: "email", value: email), URLQueryItem(name: "role", value: Role.supervisor.rawValue),
        ]
        return (components.string ?? SitePath.users.url()) + "#add-user"
    }

    static func render(
        _ entries: [RecalibrationList.Entry], withoutLogin: [RecalibrationList.WithoutLogin], context: PageContext
    ) -> HTMLPage {
        Layout.page("Due for calibration", context: context) {
            H1("Due for calibration")
            Paragraph(
                "Every supervisor, and everyone who has taken part in an exercise, who is not calibrated or whose calibration runs out within a month. Add them to the next exercise."
            )
            if entries.isEmpty {
                Paragraph("Nobody is due.")
            } else {
                DataTable(
                    caption: "Raters due for calibration", headings: ["Rater", "Role", "Why"],
                    rows: entries.map { entry in
                        [Text(entry.user.email), Text(entry.user.role.label), Text(entry.reason.description)]
                    })
            }
            H2("Rating others without a login")
            if withoutLogin.isEmpty {
                Paragraph("Everyone who rates others as a supervisor has a login.")
            } else {
                Paragraph(
                    "They lead a team or are asked for a supervisor's rating in a cycle, and have never calibrated: they answer through their e-mailed links, but cannot take an exercise until they can sign in. An administrator gives them a login with the supervisor role on the Users page (each row links there, filled in); they then appear above."
                )
                let mayInvite = context.user.map({ AccessPolicy.mayAttempt(.manageUsers, $0.viewer) }) == true
                DataTable(
                    caption: "Raters without a login",
                    headings: ["Rater", "E-mail", "Job title"] + (mayInvite ? ["Login"] : []),
                    rows: withoutLogin.map { rater in
                        [Text(rater.name), Text(rater.email), Text(rater.jobTitle)]
                            + (mayInvite
                                ? [
                                    Link("Give \(rater.name) a login", url: loginAddress(for: rater.email))
                                ] : [])
                    })
            }
        }
    }
}
