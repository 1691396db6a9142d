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
            material(referenceCase)
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
        return Layout.page(
            "Case \(referenceCase.position): \(referenceCase.title)", context: context, scripts: [RaterFormScript.path]
        ) {
            Paragraph { Link("Back to \(loaded.exercise.title)", url: base) }
            H1("Case \(referenceCase.position) of \(loaded.cases.count): \(referenceCase.title)")
            material(referenceCase)
            Form(
                url: url, method: .post,
                content: {
                    CSRFField(token: context.csrf)
                    BehaviourGrid(
                        framework: loaded.framework.showing(referenceCase.competencyCodes), fields: fields,
                        showsCategories: false)
                    Paragraph().id("save-status").class("save-status").attribute(named: "aria-live", value: "polite")
                    SubmitButton(title: isLast ? "Save" : "Save and go to the next case")
                }
            ).attribute(named: "data-autosave", value: "\(url)/autosave")
        }
    }

    static func material(_ referenceCase: ReferenceCase) -> Component {
        Tag("section") {
            H2(referenceCase.kind.label)
            if referenceCase.kind == .recording {
                Paragraph { Link("Watch the recorded role-play", url: referenceCase.link) }
            }
            for paragraph in referenceCase.material.components(separatedBy: "\n") where !paragraph.isEmpty {
                Paragraph(paragraph)
            }
        }.class("case-material").accessibilityLabel("Case material")
    }
}
