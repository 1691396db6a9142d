/// Quantiles of Student's t distribution, for confidence intervals of small samples (a
/// calibration attempt has a few dozen ratings, where the normal quantile is too narrow).
public enum StudentT {
    /// The two-sided 95 per cent critical value for `degreesOfFreedom` ≥ 1.
    public static func critical95(degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1)
        if degreesOfFreedom <= table.count { return table[degreesOfFreedom - 1] }
        // Cornish–Fisher expansion around the normal quantile; within 1e-4 beyond 30 degrees.
        let z = 1.959963984540054
        let v = Double(degreesOfFreedom)
        let z3 = z * z * z
        let z5 = z3 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    }

    /// t(0.975) for 1 to 30 degrees of freedom.
    private static let table: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]
}
