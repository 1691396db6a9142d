import Foundation

/// Who counts as an account manager: a person at the vendor whose job title names the role
/// ("Account Manager", "Senior Account Manager"). One rule for roadmaps, group gaps and the
/// programme's figures.
public enum AccountManagerTitle {
    public static func matches(_ jobTitle: String) -> Bool {
        jobTitle.range(of: "account manager", options: .caseInsensitive) != nil
    }
}
