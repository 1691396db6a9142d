import AcumenCore
import Plot

/// A reference case with its behaviour grid: for the panel's master rating, or for a participant.
enum CalibrationCasePage {
    static func master(
        _ loaded: CalibrationExerciseContext, referenceCase: ReferenceCase, fields: [String: String],
        problems: [ValidationProblem], context: PageContext
    ) -> HTMLPage {
        let base = SitePath.calibrationExercise.url(loaded.exercise.id)
        let editable = loaded.exercise.status == .draft
        let text = context.localizer
        let title = text.text(CalibrationSetupMessage.masterTitle, ["case": referenceCase.title])
        return Layout.page(title, context: context) {
            Paragraph {
                Link(text.text(CalibrationSetupMessage.masterBack, ["exercise": loaded.exercise.title]), url: base)
            }
            H1(title)
            Paragraph(text.text(CalibrationSetupMessage.masterIntro))
            ProblemList(
                problems: problems, labels: [:], heading: text.text(CalibrationSetupMessage.masterNotSaved), text: text)
            material(referenceCase, text: text)
            if editable {
                Form(
                    url: "\(base)/cases/\(referenceCase.id)/master", method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        BehaviourGrid(
                            framework: loaded.framework.showing(referenceCase.competencyCodes), fields: fields,
                            rationaleField: CalibrationController.rationaleField, showsCategories: false, text: text)
                        SubmitButton(title: text.text(CalibrationSetupMessage.masterSave))
                    })
            } else {
                Paragraph(text.text(CalibrationSetupMessage.masterFixed)).class("hint")
                BehaviourGrid(
                    framework: loaded.framework.showing(referenceCase.competencyCodes), fields: fields,
                    rationaleField: CalibrationController.rationaleField, showsCategories: false, text: text)
            }
        }
    }

    static func rate(
        _ loaded: CalibrationExerciseContext, referenceCase: ReferenceCase, fields: [String: String],
        context: PageContext
    ) -> HTMLPage {
        let base = SitePath.calibrationExercise.url(loaded.exercise.id)
        let url = "\(base)/cases/\(referenceCase.id)"
        let isLast = referenceCase.position == loaded.cases.count
        let text = context.localizer
        return Layout.page(
            text.text(
                ParticipantMessage.caseTitle,
                ["number": text.integer(referenceCase.position), "title": referenceCase.title]),
            context: context, scripts: [RaterFormScript.path]
        ) {
            Paragraph { Link(text.text(PreviewMessage.back, ["cycle": loaded.exercise.title]), url: base) }
            H1(
                text.text(
                    ParticipantMessage.caseOf,
                    [
                        "number": text.integer(referenceCase.position), "total": text.integer(loaded.cases.count),
                        "title": referenceCase.title,
                    ]))
            material(referenceCase, text: text)
            Form(
                url: url, method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    BehaviourGrid(
                        framework: loaded.framework.showing(referenceCase.competencyCodes), fields: fields,
                        showsCategories: false, text: text)
                    Paragraph().id("save-status").class("save-status").attribute(named: "aria-live", value: "polite")
                    SubmitButton(title: text.text(isLast ? ParticipantMessage.save : .saveAndNext))
                }
            ).attribute(named: "data-autosave", value: "\(url)/autosave").attributes(AutosaveMessage.attributes(text))
        }
    }

    /// The case as the panel wrote it; its kind and the frame in the reader's language.
    static func material(_ referenceCase: ReferenceCase, text: Localizer) -> Component {
        Tag("section") {
            H2(text.text(ParticipantMessage(kind: referenceCase.kind)))
            if referenceCase.kind == .recording {
                Paragraph { Link(text.text(ParticipantMessage.watch), url: referenceCase.link) }
            }
            for paragraph in referenceCase.material.components(separatedBy: "\n") where !paragraph.isEmpty {
                Paragraph(paragraph)
            }
        }.class("case-material").accessibilityLabel(text.text(ParticipantMessage.material))
    }
}
