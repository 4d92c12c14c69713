import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// The contact rules read the normalised phone list: national hotlines need no area code, every number of a
/// published list is checked, extensions do not matter.
@Suite struct ContactPhoneListTests {
    private func areaCodeFindings(_ edits: [(String, String)]) throws -> Int {
        let path = try Fixtures.variant(of: AuditFixture.district, edits)
        return try AuditFixture.findings(path).filter { $0.rule == "contact.area-code" }.count
    }

    @Test func nationalHotlinesNeedNoAreaCode() throws {
        #expect(try areaCodeFindings([("complaintPhone=\"020-12345\"", "complaintPhone=\"12345\"")]) == 0)
        #expect(try areaCodeFindings([("phone=\"020-82731234\"", "phone=\"12333\"")]) == 0)
    }

    @Test func listsWithExtensionsAreCheckedNumberByNumber() throws {
        #expect(try areaCodeFindings([("phone=\"020-82731234\"", "phone=\"020-38356454转1、（020）84469702\"")]) == 0)
        #expect(try areaCodeFindings([("phone=\"020-82731234\"", "phone=\"020-84469270、84469702\"")]) > 0)
    }

    @Test func contactExposesTheNormalisedList() {
        let contact = Contact(phone: "020-38356454转1、（0662）3681111", complaintPhone: "(8620) 81218888")
        #expect(
            contact.phoneNumbers == [
                PhoneNumber(number: "020-38356454", extensionNumber: "1"), PhoneNumber(number: "0662-3681111"),
            ])
        #expect(contact.complaintPhoneNumbers == [PhoneNumber(number: "020-81218888")])
    }
}
