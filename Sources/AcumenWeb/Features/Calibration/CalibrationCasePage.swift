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
        return Layout.page("Master rating: \(referenceCase.title)", context: context) {
            Paragraph { Link("Back to \(loaded.exercise.title)", url: base) }
            H1("Master rating: \(referenceCase.title)")
            Paragraph(
                "Record the level the expert panel agreed for each competency: tick the behaviours the case shows, which justify the level, and write the rationale participants will read after they submit."
            )
            ProblemList(problems: problems)
            material(referenceCase, text: context.localizer)
            if editable {
                Form(
                    url: "\(base)/cases/\(referenceCase.id)/master", method: .post,
                    content: {
                        CSRFField(token: context.csrf)
                        BehaviourGrid(
                            framework: loaded.framework.showing(referenceCase.competencyCodes), fields: fields,
                            rationaleField: CalibrationController.rationaleField, showsCategories: false)
                        SubmitButton(title: "Save the master rating")
                    })
            } else {
                Paragraph("The exercise is open, so the master rating is fixed.").class("hint")
                BehaviourGrid(
                    framework: loaded.framework.showing(referenceCase.competencyCodes), fields: fields,
                    rationaleField: CalibrationController.rationaleField, showsCategories: false)
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
