"""Vietnamese language data the reader needs beyond the SKOS vocabularies: surnames, the words
that announce a person, and the words that end a title. Kept apart from the code, as data.

Everything here is written in folded form (lower case, modern tone placement), the form the
reader matches on.
"""

# Family names: the common Kinh ones and those of the larger ethnic minorities (Tày, Thái, Mường,
# Mông, Dao, Nùng…) and the first words of Ê Đê and Gia Rai names ("Y", "Ksor"); "H'…" names are
# recognised by their apostrophe. A capitalised run that starts with one of these is likely a name.
SURNAMES = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn trương lương
mai cao tạ lâm la tô trịnh phùng quách kiều vương triệu thái hà khổng biện lưu chu châu kim
tăng tống hứa giang lại lục mạc nghiêm ninh nông thân thạch tiêu tôn trình vi âu đàm đào chế
chử cù diệp doãn giáp hàn hạ khúc khương khuất lã lạc lạng lò lường mã mẫn nhữ quan quản sầm
thiều thều tiết tòng trang ứng bạch bế cầm cấn chung điêu giàng hầu lầu ly mùa phàn quàng sùng
tẩn thào vàng chảo chang hờ lự mè bàn chìu dềnh lùng tráng ma mông ksor siu rơ rcom nay kpă
niê mlô êban byă y ya kbuôr adrơng bdap hwing ktla ayun rahlan
đậu lữ kha mạch uông phí sái tào cổ từ ôn nhâm bồ lều
vừ hạng sình chá cứ a rah rmah puih kpuil danh chau
""".split())

# Words that announce the person named next: "đồng chí A", "Đ/c: A", "ông A", military ranks.
PERSON_CUES = (
    "các đồng chí", "đồng chí", "đ/c", "đc", "ông", "bà", "anh", "chị", "cử tri", "cựu chiến binh",
    "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá", "trung tá",
    "thiếu tá", "đại úy", "thượng úy", "trung úy", "thiếu úy", "nhà giáo", "bác sĩ", "tiến sĩ",
    "thạc sĩ", "ts", "ths", "pgs.ts", "gs.ts", "nghệ nhân", "em", "cháu", "cụ", "đảng viên", "đv",
)

# Words that open a group of persons ("…, các đ/c trong Ban Thường vụ"): a title before them has
# ended, since a group holds no one's title.
GROUP_CUES = ("các đ/c", "các đc", "các vị", "các đại biểu", "các ông", "các bà", "những đồng chí")

# Words a name never contains though they are capitalised in titles and bodies; a capitalised run
# that is made of these is a title or a body, not a name.
NOT_NAME_WORDS = frozenset("""
phó bí chủ tịch ủy uỷ ban hội đảng huyện tỉnh xã phố quận phường trấn thôn ấp chấp hành thường
vụ trực trưởng bộ mặt trận tổ giám đốc hiệu phòng chánh kiểm tra giáo vận chức họp lễ ngày theo
tại dự về cùng và các đ/c phụ cựu niên cộng sản sở chỉ lệnh phủ cục ảnh nguồn chiều tối trưa
tháng báo đài mttq ubnd hđnd ubmttq btv bch ubkt lhpn ccb đtn ntm
""".split())

# A photo credit glued to a caption ("… HĐND tỉnh ẢNH: T.H"): the word before the colon ends a title.
CREDIT_WORDS = ("ảnh", "nguồn", "video", "clip")

# Middle names that only mark sex ("Thị", "Văn"): a caption may drop one ("Lê Hoa" for "Lê Thị
# Hoa" named above), and the name is still that person's.
DROPPABLE_MIDDLE_NAMES = ("thị", "văn")

# Dismissals name the post before the person: "miễn nhiệm chức danh Chủ tịch UBND huyện đối với
# ông A". The post was the person's until the event.
DISMISSAL_VERBS = ("miễn nhiệm", "cho thôi làm nhiệm vụ", "cho thôi giữ chức vụ", "cho thôi giữ chức",
                   "thôi giữ chức vụ", "thôi giữ chức", "cho thôi")
DISMISSAL_OBJECTS = ("chức danh", "chức vụ")
DISMISSAL_PERSON = "đối với"

# Words after which a title ends (the clause goes on with an act or a new phrase).
TITLE_STOPS = (
    "chủ trì", "đồng chủ trì", "phát biểu", "trình bày", "thông qua", "tham luận", "điều hành",
    "báo cáo", "cho biết", "đề nghị", "nhấn mạnh", "ghi nhận", "làm trưởng đoàn", "được bầu",
    "trao", "tặng", "công bố", "thông báo", "thông tin", "kết luận", "khai mạc", "bế mạc",
    "chúc mừng", "kiến nghị", "chia sẻ", "tiếp thu", "giải trình", "nêu", "đánh giá", "biểu dương",
    "yêu cầu", "khẳng định", "cùng", "cũng", "đã", "và các", "cùng các", "dự", "tham dự", "về dự",
    "ứng cử", "nhận nhiệm vụ", "được", "không tái cử", "thay mặt", "trúng cử", "đọc", "gửi",
    "giữ chức", "đến nhận", "thôi", "nghỉ hưu", "đề xuất", "phản ánh", "và hơn", "và đại diện",
    "và toàn thể", "và đông đảo", "cùng đông đảo", "cùng toàn thể", "thừa ủy quyền", "đều", "sẽ",
    "đang", "vừa", "luôn", "thì", "là", "đến", "tham gia", "tiếp tục", "làm",
    "thay", "thay thế", "tái đắc cử", "đắc cử", "tái cử", "tổ chức", "do", "cho",
)

# What is handed over at a ceremony: "… Chủ tịch HĐND tỉnh và Huy hiệu 30 năm tuổi Đảng cho …"
# ends a title at "và".
AWARD_WORDS = ("huy hiệu", "bằng khen", "giấy khen", "kỷ niệm chương", "huân chương", "huy chương",
               "cờ thi đua", "quà", "hoa")

# "Tỉnh ủy viên", "Thành ủy viên"…: the level word of the Party organisation the member belongs
# to, from the title's first word, for when the report does not name the unit ("Đảng bộ tỉnh").
COMMITTEE_MEMBER_LEVEL_WORDS = {"tỉnh": "tỉnh", "thành": "thành phố", "huyện": "huyện", "quận": "quận",
                                "thị": "thị xã"}

# The usual level word of a level, for a title abbreviated past its level word ("HUV").
LEVEL_WORD_OF_LEVEL = {"province": "tỉnh", "district": "huyện", "commune": "xã"}

# The Party committee of a unit above the commune, by the unit's level word: "huyện Kỳ Anh" →
# "Huyện ủy Kỳ Anh". A commune's is "Đảng ủy" followed by the unit ("Đảng ủy xã Kỳ Hoa").
PARTY_COMMITTEE_OF_LEVEL_WORD = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy",
                                 "quận": "Quận ủy", "thị xã": "Thị ủy"}

# Words after a unit's name saying it no longer exists ("quận 5 (cũ)"): not part of the name.
FORMER_UNIT_WORDS = ("cũ",)

# Words that mark a post as held before ("nguyên Bí thư …"): the post is still a role of the
# person's, read like the others of the title.
FORMER_WORDS = ("nguyên",)

# Qualifiers of a post that portals also write after its body ("Phó Trưởng Đoàn ĐBQH chuyên trách
# tỉnh" for "Phó Trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh").
POST_QUALIFIERS = ("chuyên trách", "thường trực")

# A title stop that is part of a title when these words follow it ("Ủy viên dự khuyết …").
TITLE_STOPS_UNLESS_FOLLOWED_BY = {"dự": ("khuyết",)}

# A title stop that is part of a title after these words ("Trưởng Ban Tổ chức Huyện ủy"); else a
# verb ("Phó Chủ tịch UBND tỉnh tổ chức đoàn khảo sát").
TITLE_STOPS_UNLESS_AFTER = {"tổ chức": ("ban", "vụ", "phòng", "sở", "bộ", "cục")}

# Words that give a reason ("… do nhận nhiệm vụ mới": because of a new assignment): an act cue
# right after them is no act at the event.
REASON_WORDS = ("do", "vì")

# Cues whose verb takes a person as its object ("tặng hoa chúc mừng đồng chí A", "trao … cho"):
# a person named right after one is its object, not its actor.
PERSON_OBJECT_CUES = ("chúc mừng", "tặng hoa chúc mừng", "trao", "tặng", "trao tặng")

# "thông qua nghị quyết": a council passing a resolution, not a person presenting a report.
NOT_REPORT = ("thông qua nghị quyết", "thông qua các nghị quyết", "biểu quyết thông qua")

# What a voter (cử tri) does when raising an opinion: a speech, by the schema's conventions.
VOTER_OPINION = ("đề nghị", "kiến nghị", "đề xuất", "phản ánh", "nêu", "bày tỏ", "mong muốn", "hỏi")

# Abbreviations whose dot does not end a sentence ("TP. Cần Thơ"), without the dot.
DOTTED_ABBREVIATIONS = frozenset({"tp", "tx", "tt", "ths", "ts", "pgs", "gs", "bs", "q", "p", "h"})
