import AcumenCore
import AcumenStore

/// The e-mail that asks someone to take part in a calibration exercise. It carries no secret:
/// participants sign in, so the link is the exercise's ordinary address.
enum CalibrationMail {
    static func invitation(
        exercise: CalibrationExercise, cases: Int, baseURL: String
    ) -> @Sendable (_ email: String) -> OutgoingMessage {
        let link = baseURL + SitePath.calibrationExercise.url(exercise.id)
        let title = exercise.title
        let months = exercise.thresholds.validForMonths
        return { email in
            OutgoingMessage(
                recipient: email, subject: "Calibration exercise: \(title)",
                body: """
                    Hello,

                    You are asked to take part in the calibration exercise "\(title)": \(cases) reference \(cases == 1 ? "case" : "cases") to rate with the same behaviour grid as the annual review, on your own and without seeing anyone else's ratings.

                    When you submit, you will see your ratings beside the master ratings the expert panel agreed, with their reasons, and whether you are calibrated for the next \(months) months.

                    Sign in and open the exercise:
                    \(link)
                    """)
        }
    }
}
