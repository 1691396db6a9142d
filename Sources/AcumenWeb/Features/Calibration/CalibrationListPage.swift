import AcumenCore
import Foundation
import Plot

enum CalibrationListPage {
    static func manager(
        exercises: [CalibrationExerciseSummary], frameworks: [FrameworkSummary], context: PageContext
    ) -> HTMLPage {
        let text = context.localizer
        let standard = CalibrationThresholds.standard
        return Layout.page(text.text(CalibrationSetupMessage.title), context: context) {
            H1(text.text(CalibrationSetupMessage.title))
            Paragraph(text.text(CalibrationSetupMessage.intro))
            Paragraph {
                Link(text.text(CalibrationSetupMessage.dueLink), url: SitePath.calibrationDue.url())
                Text(" · ")
                Link(text.text(CalibrationSetupMessage.driftLink), url: SitePath.calibrationDrift.url())
            }
            if exercises.isEmpty {
                Paragraph(text.text(CalibrationSetupMessage.noExercises))
            } else {
                DataTable(
                    caption: text.text(CalibrationSetupMessage.exercisesCaption),
                    headings: [
                        CalibrationSetupMessage.colExercise, .colFramework, .colStatus, .colCases, .colSubmitted,
                    ].map { text.text($0) },
                    rows: exercises.map { summary in
                        [
                            Link(summary.exercise.title, url: SitePath.calibrationExercise.url(summary.exercise.id)),
                            Text(summary.frameworkName),
                            Text(text.standalone(text.text(StatusMessage(summary.exercise.status)))),
                            Text(text.integer(summary.cases)),
                            Text(
                                text.text(
                                    CalibrationSetupMessage.submittedOf,
                                    [
                                        "submitted": text.integer(summary.submitted),
                                        "participants": text.integer(summary.participants),
                                    ])),
                        ]
                    })
            }
            H2(text.text(CalibrationSetupMessage.newExercise))
            Form(
                url: SitePath.calibration.url(), method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    Field(
                        label: text.text(CalibrationSetupMessage.fieldTitle), name: "title", required: true,
                        maxLength: TextLimits.name)
                    SelectField(
                        label: text.text(CalibrationSetupMessage.fieldFramework), name: "frameworkID",
                        choices: frameworks.map {
                            .init(
                                value: $0.id.uuidString,
                                label: text.text(
                                    CalibrationSetupMessage.frameworkVersion,
                                    ["name": $0.name, "version": text.integer($0.version)]))
                        })
                    AreaField(
                        label: text.text(CalibrationSetupMessage.fieldPanel), name: "panel", rows: 2,
                        hint: text.text(CalibrationSetupMessage.hintPanel))
                    Field(
                        label: text.text(CalibrationSetupMessage.fieldExact), name: "minimumExact",
                        value: percentValue(standard.minimumExactAgreement), type: .number, required: true,
                        hint: text.text(CalibrationSetupMessage.hintExact))
                    Field(
                        label: text.text(CalibrationSetupMessage.fieldAdjacent), name: "minimumAdjacent",
                        value: percentValue(standard.minimumAdjacentAgreement), type: .number, required: true,
                        hint: text.text(CalibrationSetupMessage.hintAdjacent))
                    // Form values stay machine numbers ("0.6"), whatever the reader's decimal sign.
                    Field(
                        label: text.text(CalibrationSetupMessage.fieldKappa), name: "minimumKappa",
                        value: standard.minimumWeightedKappa.map { String($0) } ?? "", type: .text,
                        hint: text.text(CalibrationSetupMessage.hintKappa))
                    Field(
                        label: text.text(CalibrationSetupMessage.fieldBias), name: "maximumBias",
                        value: String(standard.maximumAbsoluteBias), type: .text, required: true,
                        hint: text.text(CalibrationSetupMessage.hintBias))
                    Field(
                        label: text.text(CalibrationSetupMessage.fieldValidMonths), name: "validMonths",
                        value: String(standard.validForMonths), type: .number, required: true)
                    SubmitButton(title: text.text(CalibrationSetupMessage.create))
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
        let text = context.localizer
        return Layout.page(text.text(CalibrationSetupMessage.dueTitle), context: context) {
            H1(text.text(CalibrationSetupMessage.dueTitle))
            Paragraph(text.text(CalibrationSetupMessage.dueIntro))
            if entries.isEmpty {
                Paragraph(text.text(CalibrationSetupMessage.dueNobody))
            } else {
                DataTable(
                    caption: text.text(CalibrationSetupMessage.dueCaption),
                    headings: [CalibrationSetupMessage.colRater, .colRole, .colWhy].map { text.text($0) },
                    rows: entries.map { entry in
                        [
                            Text(entry.user.email), Text(text.text(RoleMessage(entry.user.role))),
                            Text(HomeMessage.reason(entry.reason, text: text)),
                        ]
                    })
            }
            H2(text.text(CalibrationSetupMessage.withoutLoginHeading))
            if withoutLogin.isEmpty {
                Paragraph(text.text(CalibrationSetupMessage.withoutLoginEveryone))
            } else {
                Paragraph(text.text(CalibrationSetupMessage.withoutLoginIntro))
                let mayInvite = context.user.map({ AccessPolicy.mayAttempt(.manageUsers, $0.viewer) }) == true
                DataTable(
                    caption: text.text(CalibrationSetupMessage.withoutLoginCaption),
                    headings: [CalibrationSetupMessage.colRater, .colEmail, .colJobTitle].map { text.text($0) }
                        + (mayInvite ? [text.text(CalibrationSetupMessage.colLogin)] : []),
                    rows: withoutLogin.map { rater in
                        [Text(rater.name), Text(rater.email), Text(rater.jobTitle)]
                            + (mayInvite
                                ? [
                                    Link(
                                        text.text(CalibrationSetupMessage.withoutLoginGive, ["name": rater.name]),
                                        url: loginAddress(for: rater.email))
                                ] : [])
                    })
            }
        }
    }
}
