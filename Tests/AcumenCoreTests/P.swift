import XCTest

final class PAcumenCoreTests: XCTestCase { func testNothing() {} }
