/// The competency models that ship with Acumen.
public enum BuiltInFrameworks {
    public static var frameworks: [FrameworkContent] {
        [GlobalMobilityAccountManagerFramework.content, GeneralAccountManagementFramework.content]
    }
}
