"""The Vietnamese of every message parcalc shows (errors, warnings, notes, help; see
`core/messages.py`): English template -> Vietnamese template, with the same placeholders.
tests/test_catalogue.py checks both ways, and that no template is given twice."""

VI: dict[str, str] = {
    # place words (core/messages.py)
    "sheet {name!r}": "trang tính «{name}»",
    "cell {ref}": "ô {ref}",
    "row {number}": "dòng {number}",
    "column {letter}": "cột {letter}",
    "unit {name!r}": "đơn vị «{name}»",
    # core
    "{code} has {points} points, more than its maximum {max}": "{code} có {points} điểm, nhiều hơn điểm chuẩn {max}",
    "{items} and {more} more": "{items} và {more} mã khác",
    "no points for {codes}{note}: give them in the workbook (or their parent's points), or pass --assume-full to count them at full points":
        "chưa có điểm của {codes}{note}: ghi điểm vào bảng tính (hoặc điểm của tiêu chí cấp trên), hoặc dùng --assume-full để tính đủ điểm",
    " ({code}* is the part of {code}'s standard points that no row lists)": " ({code}* là phần điểm chuẩn của {code} không có dòng nào)",
    "no points for {codes}{note}: give them in the workbook (or their parent's points), or say how to read what is blank or left out: --blank zero (not achieved, 0 points) or --blank full / --assume-full (counted at full points)":
        "chưa có điểm của {codes}{note}: ghi điểm vào bảng tính (hoặc điểm của tiêu chí cấp trên), hoặc cho biết cách đọc ô trống "
        "hay dòng thiếu: --blank zero (không đạt, 0 điểm) hoặc --blank full / --assume-full (tính đủ điểm)",
    "code {code} is not in criterion set {set}: correct the code or use the set the workbook was made for":
        "mã {code} không có trong bộ tiêu chí {set}: sửa lại mã, hoặc dùng đúng bộ tiêu chí của bảng tính",
    "criterion {code}: set {set} does not know its maximum points; give them in the workbook's standard points column (Điểm chuẩn)":
        "tiêu chí {code}: bộ tiêu chí {set} chưa có điểm chuẩn của tiêu chí này; ghi điểm chuẩn vào cột Điểm chuẩn của bảng tính",
    "{text!r} is not a number (write it like 85,5 or 85.5)": "«{text}» không phải là số (viết như 85,5 hoặc 85.5)",
    "{value} is out of range: give a number at most {highest}": "{value} nằm ngoài khoảng cho phép: nhập số không lớn hơn {highest}",
    "{value} is out of range: give a number from {lowest} to {highest}": "{value} nằm ngoài khoảng cho phép: nhập số từ {lowest} đến {highest}",
    "{value} is out of range: give a number at least {lowest}": "{value} nằm ngoài khoảng cho phép: nhập số không nhỏ hơn {lowest}",
    "the workbook has no rows for field{s} {fields}, so it holds only part of a criterion tree (an appendix that lists only what lost points?): score it against its criterion set with --criteria SET (parcalc criteria list), which knows the missing fields":
        "bảng tính không có dòng nào của lĩnh vực {fields} nên chỉ chứa một phần cây tiêu chí (phụ lục chỉ liệt kê các tiêu chí bị mất "
        "điểm?): chấm theo bộ tiêu chí của nó bằng --criteria SET (xem parcalc criteria list), bộ tiêu chí có đủ các lĩnh vực còn thiếu",
    "{code} has no standard points (Điểm chuẩn, Điểm tối đa): add them, or pass --criteria SET":
        "{code} chưa có điểm chuẩn (Điểm chuẩn, Điểm tối đa): ghi thêm điểm chuẩn, hoặc dùng --criteria SET",
    "{code}: the rows under it have {listed} standard points together, more than its {max}":
        "{code}: các dòng bên dưới có tổng điểm chuẩn {listed}, nhiều hơn điểm chuẩn {max} của nó",
    "a {kind} value cannot be negative": "giá trị theo quy tắc {kind} không được âm",
    "gives {result}, more than the maximum {maximum}": "cho {result} điểm, nhiều hơn điểm chuẩn {maximum}",
    "a yes/no value is 1 (yes) or 0 (no)": "giá trị có/không phải là 1 (có) hoặc 0 (không)",
    "no column of appraised points was found (read: {columns}): head it «Điểm thẩm định» (or give the lost points under «Điểm bị mất»)":
        "không tìm thấy cột điểm thẩm định (đã đọc: {columns}): đặt tiêu đề cột là «Điểm thẩm định» (hoặc ghi điểm bị mất dưới «Điểm bị mất»)",
    "{value!r} is not a reading: use {readings}": "«{value}» không phải là một cách đọc: dùng {readings}",
    "{code}: value {value}: {reason}": "{code}: giá trị {value}: {reason}",
    "{code} is marked {mark!r} (không áp dụng): say how to read it: --na full (counted at full points) or --na exclude (left out of the scale; the index is on the remaining maximum), or write its points":
        "{code} ghi «{mark}» (không áp dụng): cho biết cách tính: --na full (tính đủ điểm) hoặc --na exclude (không tính vào thang "
        "điểm; chỉ số tính trên phần điểm còn lại), hoặc ghi điểm của nó",
    # analysis
    "scenario {name!r}": "kịch bản «{name}»",
    "scenario {name!r}, {override}": "kịch bản «{name}», {override}",
    "{text!r} is not CODE=POINTS or CODE=value:NUMBER (e.g. 6.1.2=1 or 3.4.1=value:0.98)":
        "«{text}» không có dạng MÃ=ĐIỂM hoặc MÃ=value:SỐ (ví dụ 6.1.2=1 hoặc 3.4.1=value:0.98)",
    "code {code} is not in criterion set {set}": "mã {code} không có trong bộ tiêu chí {set}",
    "{points} points is outside 0..{max}, the maximum of {code}": "{points} điểm nằm ngoài khoảng 0..{max} (điểm chuẩn của {code})",
    "{text!r}: {reason}": "«{text}»: {reason}",
    "{code}'s points are not known one by one (they are inside its parent's total); override its parent instead":
        "điểm của {code} không được ghi riêng (nằm trong tổng điểm của tiêu chí cấp trên): hãy đặt điểm cho tiêu chí cấp trên",
    "{code} has no scoring rule in set {set}; give points instead (CODE=POINTS)":
        "{code} không có quy tắc chấm trong bộ tiêu chí {set}: hãy ghi điểm (MÃ=ĐIỂM)",
    "the plan leaves out {codes} ({kinds}): a province cannot raise a survey's result by decision (--exclude-kind none plans them too)":
        "kế hoạch không tính {codes} ({kinds}): tỉnh không thể nâng kết quả điều tra xã hội học bằng một quyết định "
        "(--exclude-kind none để tính cả các tiêu chí này)",
    "the plan counts on winning back {percent}% of each loss (--max-recovery)":
        "kế hoạch tính khôi phục {percent}% số điểm bị mất của mỗi tiêu chí (--max-recovery)",
    "the plan counts on no more than the playbook's max_recovery for {codes}":
        "kế hoạch tính không quá mức max_recovery của playbook cho {codes}",
    "the playbook's max_recovery 0 keeps {codes} out of the plan": "max_recovery 0 trong playbook loại {codes} khỏi kế hoạch",
    "the playbook gives no effort for {codes}: the plan counts each as effort {effort}":
        "playbook không ghi effort cho {codes}: kế hoạch tính mỗi tiêu chí là effort {effort}",
    "fewer than {rank} peers are listed: rank {rank} needs no recovery among them":
        "danh sách có ít hơn {rank} đơn vị: không cần khôi phục điểm để đạt hạng {rank}",
    # api
    "{name!r} is not a grade of set {set}: its grades are {grades}": "«{name}» không phải là một mức xếp loại của bộ tiêu chí {set}: các mức là {grades}",
    "a rank needs the others' results: add --peers FILE": "xếp hạng cần kết quả của các đơn vị khác: thêm --peers TỆP",
    "has no self-scores: add a column headed «Điểm tự đánh giá» (or «Điểm tự chấm») beside the appraised points":
        "không có điểm tự đánh giá: thêm cột có tiêu đề «Điểm tự đánh giá» (hoặc «Điểm tự chấm») bên cạnh điểm thẩm định",
    "give a target index or a target grade, not both": "chỉ nhập chỉ số mục tiêu hoặc mức xếp loại mục tiêu, không nhập cả hai",
    "names unit {unit!r}, as sheet {other!r} does: give each unit's sheet its own name":
        "mang tên đơn vị «{unit}», trùng với trang tính «{other}»: mỗi trang tính của một đơn vị cần một tên riêng",
    "unit {unit!r} is named twice (also in {other}); give each unit its own name":
        "tên đơn vị «{unit}» bị trùng (cũng có trong {other}): mỗi đơn vị cần một tên riêng",
    "unit {unit!r}: {message}": "đơn vị «{unit}»: {message}",
    # cli
    "{detail}": "{detail}",
    "parcalc: error: {problem}": "parcalc: lỗi: {problem}",
    "parcalc: error: {message}": "parcalc: lỗi: {message}",
    "parcalc: error: {message} ({command} --help)": "parcalc: lỗi: {message} (xem {command} --help)",
    "parcalc: warning: {warning}": "parcalc: cảnh báo: {warning}",
    "parcalc: note: {file}: a lock file of Excel/LibreOffice (the workbook is open), not a workbook: skipped":
        "parcalc: lưu ý: {file}: tệp khóa của Excel/LibreOffice (bảng tính đang mở), không phải bảng tính: bỏ qua",
    "parcalc: interrupted": "parcalc: đã dừng",
    "parcalc: index {index} is below --fail-under {target}": "parcalc: chỉ số {index} thấp hơn mức --fail-under {target}",
    "Reading and scoring {count} workbook(s)…": "Đang đọc và chấm {count} bảng tính…",
    "only lock files were given: name the workbooks themselves": "chỉ có tệp khóa: hãy chỉ ra chính các bảng tính",
    "0% recovers nothing: give a share above 0, such as 50%": "0% không khôi phục được gì: nhập tỷ lệ lớn hơn 0, ví dụ 50%",
    "{format} is a binary document: write it to a file with -o FILE.{format}": "{format} là tệp nhị phân: ghi ra tệp bằng -o TỆP.{format}",
    "this command writes a {extension} file: name the output so": "lệnh này ghi tệp {extension}: hãy đặt tên tệp kết quả có đuôi {extension}",
    "{kind!r} is not a kind: use {kinds} or none": "«{kind}» không phải là một loại tiêu chí: dùng {kinds} hoặc none",
    "cannot tell the format from the extension: use {extensions}, or --format":
        "không nhận ra định dạng từ phần mở rộng của tệp: dùng {extensions}, hoặc --format",
    "standard output": "đầu ra chuẩn",
    "cannot be written ({reason}); write to a file with -o": "không ghi được ({reason}): ghi ra tệp bằng -o",
    "no such option: {option}": "không có tùy chọn {option}",
    "no such option: {option} (did you mean {choices}?)": "không có tùy chọn {option} (có phải là {choices}?)",
    "option {option} needs a value": "tùy chọn {option} cần một giá trị",
    "{name} is missing": "thiếu {name}",
    "invalid value for {option}: {reason}": "giá trị không hợp lệ cho {option}: {reason}",
    "{value!r} is not one of {choices}": "«{value}» không thuộc các giá trị {choices}",
    "{value!r} is not a whole number": "«{value}» không phải là số nguyên",
    "{value!r} is not a number": "«{value}» không phải là số",
    "{value!r} is less than {least}, the least it may be": "«{value}» nhỏ hơn {least}, giá trị nhỏ nhất được phép",
    "{value!r} is more than {most}, the most it may be": "«{value}» lớn hơn {most}, giá trị lớn nhất được phép",
    "unexpected extra argument(s): {args}": "thừa đối số: {args}",
    "no such command: {name!r}": "không có lệnh «{name}»",
    "no such command: {name!r} (did you mean {near!r}?)": "không có lệnh «{name}» (có phải là «{near}»?)",
    "{unit!r} is not a unit of the workbooks (their units: {units})": "«{unit}» không phải là đơn vị nào trong các bảng tính (các đơn vị: {units})",
    "needs the plotting library matplotlib, which is not installed: pip install 'parcalc[report]'":
        "cần thư viện vẽ biểu đồ matplotlib nhưng chưa được cài đặt: pip install 'parcalc[report]'",
    "a report is an HTML page: name it .html": "báo cáo là một trang HTML: đặt tên tệp có đuôi .html",
    "belongs to the appendix: write it with -o FILE.xlsx or -o FILE.docx (not {format})":
        "chỉ dùng cho phụ lục: ghi ra tệp bằng -o TỆP.xlsx hoặc -o TỆP.docx (không phải {format})",
    # write
    "is a symbolic link: name the file itself, or another file (parcalc replaces only regular files)":
        "là liên kết tượng trưng: hãy chỉ ra chính tệp đó, hoặc một tệp khác (parcalc chỉ ghi đè tệp thông thường)",
    "is a folder; name a file to write": "là một thư mục: hãy chỉ ra một tệp để ghi",
    "is not a regular file (a device, a pipe or a socket): name a file, or leave out -o to write to standard output":
        "không phải là tệp thông thường (thiết bị, pipe hoặc socket): hãy chỉ ra một tệp, hoặc bỏ -o để ghi ra đầu ra chuẩn",
    "is also an input; write the output to another file": "cũng là tệp đầu vào: hãy ghi kết quả ra tệp khác",
    "already exists; pass --force to replace it": "đã có: dùng --force để ghi đè",
    "folder {folder!r} does not exist; create it first": "thư mục «{folder}» không tồn tại: hãy tạo thư mục trước",
    "cannot be written ({reason}): check the folder exists and is writable": "không ghi được ({reason}): kiểm tra thư mục có tồn tại và cho phép ghi",
    "appeared while parcalc worked; it was kept: pass --force to replace it": "xuất hiện trong lúc parcalc đang chạy; tệp được giữ nguyên: dùng --force để ghi đè",
    "cannot be written ({reason})": "không ghi được ({reason})",
    "No space left on device": "ổ đĩa đã hết chỗ trống",
    "Permission denied": "không có quyền ghi",
    "Read-only file system": "hệ thống tệp chỉ cho phép đọc",
    "No such file or directory": "không có tệp hoặc thư mục này",
    "The first {shown} of {units} units are shown: see them all with {one} or {other}":
        "Bảng chỉ hiện {shown} đơn vị đầu tiên trong số {units} đơn vị: xem đủ bằng {one} hoặc {other}",
    "Fields {fields} do not fit {width} columns: see them all with --format csv or -o FILE.xlsx":
        "Các lĩnh vực {fields} không vừa {width} cột: xem đủ bằng --format csv hoặc -o FILE.xlsx",
    # warnings (core/labels.py FINDINGS)
    '{code}: {points} points given, but its sub-criteria add up to {children_points}':
        '{code}: điểm {points} nhưng các tiêu chí con cộng lại được {children_points}',
    '{code} loses {lost} but its listed sub-criteria lose {children_lost} together':
        '{code} mất {lost} điểm nhưng các tiêu chí con được liệt kê mất tổng cộng {children_lost}',
    '{code}: its sub-criteria have {children_points} points together, more than the {points} given for {code}':
        '{code}: các tiêu chí con được {children_points} điểm, nhiều hơn {points} điểm của {code}',
    '{code}: lost points say {lost}, but standard {max} minus appraised {points} is {expected}':
        '{code}: điểm bị mất ghi {lost}, nhưng điểm chuẩn {max} trừ điểm thẩm định {points} là {expected}',
    "{code}: the workbook's standard points are {workbook}, the criterion set says {set} (using {set})":
        '{code}: điểm chuẩn trong bảng tính là {workbook}, bộ tiêu chí ghi {set} (dùng {set})',
    '{code}: the workbook names it «{workbook}», the criterion set «{set}»':
        '{code}: tên trong bảng tính «{workbook}» khác tên trong bộ tiêu chí «{set}»',
    '{code}: the workbook has no row for its parent':
        '{code}: bảng tính không có dòng của tiêu chí cấp trên',
    'the first sheet «{first}» holds no scoring table: read sheet «{sheet}»':
        'trang tính đầu tiên «{first}» không có bảng chấm điểm: đã đọc trang tính «{sheet}»',
    'sheets {sheets} hold no scoring table: skipped':
        'các trang tính {sheets} không có bảng chấm điểm: bỏ qua',
    "no row for {codes}, which other units list ({units} unit(s) lack rows): each unit is scored on the scale of its own rows; give --criteria to score every unit on one set":
        "không có dòng của {codes}, trong khi các đơn vị khác có ({units} đơn vị thiếu dòng): mỗi đơn vị được tính trên thang điểm của các dòng của mình; dùng --criteria để tính mọi đơn vị trên cùng một bộ tiêu chí",
    '(the same in {count} more workbook(s))': '(cũng vậy ở {count} bảng tính khác)',
    '(the same in {files})': '(cũng vậy ở {files})',
    'from row {row} on is another table (with its own header): not read':
        'từ dòng {row} là một bảng khác (có dòng tiêu đề riêng): không đọc phần này',
    'hidden rows {rows} were not read (unhide them if they are criteria)':
        'các dòng ẩn {rows} không được đọc (bỏ ẩn nếu đó là tiêu chí)',
    'numbering restarts inside each field (I > 1 > 1.1): read as codes inside the field (II > 1 is 2.1)':
        'số thứ tự được đánh lại trong từng lĩnh vực (I > 1 > 1.1): đọc thành mã nằm trong lĩnh vực (II > 1 là 2.1)',
    'the row «{name}» has no number: given code {code}':
        'dòng «{name}» không có số thứ tự: đặt mã {code}',
    'the total row says {stated} points, but the fields add up to {computed}':
        'dòng tổng ghi {stated} điểm, nhưng tổng các lĩnh vực là {computed}',
    'the total row says {stated} standard points, but the scale is {computed}':
        'dòng tổng ghi {stated} điểm chuẩn, nhưng thang điểm là {computed}',
    '{codes}: marked «not applicable», counted at full points (--na full)':
        '{codes}: ghi «không áp dụng», tính đủ điểm (--na full)',
    '{codes}: marked «not applicable», left out of the scale (--na exclude): the index is on {scale} points':
        '{codes}: ghi «không áp dụng», không tính vào thang điểm (--na exclude): chỉ số tính trên {scale} điểm',
    '{units} unit(s) have cells marked «not applicable», counted at full points (--na full): the first is «{unit}» ({codes})':
        '{units} đơn vị có ô ghi «không áp dụng», tính đủ điểm (--na full): đơn vị đầu tiên là «{unit}» ({codes})',
    '{units} unit(s) have cells marked «not applicable», left out of their scale (--na exclude): the first is «{unit}» ({codes})':
        '{units} đơn vị có ô ghi «không áp dụng», không tính vào thang điểm của đơn vị (--na exclude): đơn vị đầu tiên là «{unit}» ({codes})',
    '{codes}: blank points cells counted as 0 (--blank zero)':
        '{codes}: ô điểm để trống, tính 0 điểm (--blank zero)',
    '{units} unit(s) have blank points cells counted as 0 (--blank zero): the first is «{unit}» ({codes})':
        '{units} đơn vị có ô điểm để trống, tính 0 điểm (--blank zero): đơn vị đầu tiên là «{unit}» ({codes})',
    "set {set} does not know the standard points of {codes}: their standard points cells are left blank; fill them in from the year's guidance before scoring":
        "bộ tiêu chí {set} chưa có điểm chuẩn của {codes}: các ô Điểm chuẩn ấy để trống; hãy điền theo văn bản hướng dẫn của năm trước khi chấm",
    '{codes}: counted at full points (--assume-full or --blank full)':
        '{codes}: tính đủ điểm (--assume-full hoặc --blank full)',
    '{units} unit(s) have parts counted at full points (--assume-full or --blank full): the first is «{unit}» ({codes})':
        '{units} đơn vị có phần tính đủ điểm (--assume-full hoặc --blank full): đơn vị đầu tiên là «{unit}» ({codes})',
    '{code}: value {value} gives {computed} points under its rule ({kind}), but the workbook says {points}':
        '{code}: giá trị {value} theo quy tắc ({kind}) cho {computed} điểm, nhưng bảng tính ghi {points}',
    "{code}: no remedy yet (add it to the workbook's remedy column or to the playbook)":
        '{code}: chưa có giải pháp (thêm vào cột Giải pháp của bảng tính hoặc vào playbook)',
    '{code}: self-score {self_score} is above the standard points {max}: the gap counts up to the standard points':
        '{code}: điểm tự đánh giá {self_score} cao hơn điểm chuẩn {max}: tính chênh lệch đến điểm chuẩn',
    'the workbook has no self-score column (Điểm tự đánh giá, Điểm tự chấm): nothing to explain':
        'bảng tính không có cột điểm tự đánh giá (Điểm tự đánh giá, Điểm tự chấm): không có gì để giải trình',
    # command-line help (cli.py): shown by --help, in the language of --lang / PARCALC_LANG
    "Calculator for Vietnam's PAR Index (Chỉ số cải cách hành chính): points, lost points, index, group.":
        "Công cụ tính Chỉ số cải cách hành chính (PAR Index): điểm, điểm bị mất, chỉ số, nhóm.",
    "Show parcalc's version and exit.": "Hiện phiên bản của parcalc rồi thoát.",
    "Score a workbook: points, lost points, index and group per field, criterion and sub-criterion.":
        "Chấm một bảng tính: điểm, điểm bị mất, chỉ số và nhóm theo từng lĩnh vực, tiêu chí và tiêu chí thành phần.",
    "The .xlsx workbook with appraised points.": "Bảng tính .xlsx có điểm thẩm định.",
    "A shipped set id (parcalc criteria list) or a path to a YAML set.":
        "Mã một bộ tiêu chí có sẵn (xem parcalc criteria list) hoặc đường dẫn đến tệp YAML của bộ tiêu chí.",
    "Sheet to read (default: the first).": "Trang tính cần đọc (mặc định: trang đầu tiên).",
    "Count points that are neither given nor covered by a given parent at full points (blank cells and codes the workbook leaves out).":
        "Tính đủ điểm cho những điểm không được ghi và không nằm trong điểm đã ghi của tiêu chí cấp trên (ô trống và mã bảng tính bỏ sót).",
    "A blank points cell (with no points above or below it): zero (not achieved) or full (counted at full points). Left out, blank cells are an error.":
        "Ô điểm để trống (không có điểm ở cấp trên hay cấp dưới): zero (không đạt, 0 điểm) hoặc full (tính đủ điểm). "
        "Không chọn thì ô trống là lỗi.",
    "A cell marked không áp dụng (-, x, KAD): full (counted at full points) or exclude (left out of the scale; the index is on the remaining maximum). Left out, such cells are an error.":
        "Ô ghi không áp dụng (-, x, KAD): full (tính đủ điểm) hoặc exclude (không tính vào thang điểm; chỉ số tính trên phần điểm "
        "còn lại). Không chọn thì các ô này là lỗi.",
    "Output format (default: from the extension of -o, else table).": "Định dạng kết quả (mặc định: theo phần mở rộng của -o, nếu không thì bảng).",
    "Language of headings and messages: vi or en (default: the PARCALC_LANG environment variable, else vi).":
        "Ngôn ngữ của tiêu đề và thông báo: vi hoặc en (mặc định: biến môi trường PARCALC_LANG, nếu không thì vi).",
    "Exit with code 1 when the index is below this index, 0 to 100, e.g. 85,5 (after writing).":
        "Kết thúc với mã 1 khi chỉ số thấp hơn mức này, từ 0 đến 100, ví dụ 85,5 (sau khi đã ghi kết quả).",
    "Write to this file instead of standard output.": "Ghi ra tệp này thay vì đầu ra chuẩn.",
    "Replace the output file (-o) if it exists.": "Ghi đè tệp kết quả (-o) nếu đã có.",
    "Build the remediation appendix: every node that lost points, with remedies.":
        "Lập phụ lục khắc phục: mọi lĩnh vực, tiêu chí bị mất điểm, kèm giải pháp.",
    "Remedies per code: a shipped playbook id or a YAML path.": "Giải pháp theo từng mã: mã một playbook có sẵn hoặc đường dẫn tệp YAML.",
    "The file to write; its extension gives the format.": "Tệp cần ghi; phần mở rộng của tệp cho biết định dạng.",
    "Format (default: from the extension of -o, else md).": "Định dạng (mặc định: theo phần mở rộng của -o, nếu không thì md).",
    "List nodes that lost at least this many points (default: every node that lost anything).":
        "Chỉ liệt kê các mục mất ít nhất số điểm này (mặc định: mọi mục bị mất điểm).",
    "The appendix title; {year} is replaced.": "Tiêu đề phụ lục; {year} được thay bằng năm.",
    "The plan it belongs to, e.g. \"6006/KH-UBND ngày 23/8/2021\".": "Kế hoạch mà phụ lục kèm theo, ví dụ \"6006/KH-UBND ngày 23/8/2021\".",
    "The year in the title and placeholders (default: this year).": "Năm trong tiêu đề và các chỗ thay thế (mặc định: năm nay).",
    "List where the appraised points fall below the self-score, for explanation (giải trình).":
        "Liệt kê các tiêu chí có điểm thẩm định thấp hơn điểm tự đánh giá, để giải trình.",
    "The .xlsx workbook with self-scores beside the appraised points.": "Bảng tính .xlsx có điểm tự đánh giá bên cạnh điểm thẩm định.",
    "CSV of others' results: the rank now and if every explanation is accepted.":
        "Tệp CSV kết quả của các đơn vị khác: xếp hạng hiện tại và xếp hạng nếu mọi giải trình được chấp nhận.",
    "Which year of the peers file (default: its latest).": "Năm cần dùng trong tệp đơn vị so sánh (mặc định: năm gần nhất).",
    "This unit's name in the peers file, left out of the ranking.": "Tên đơn vị này trong tệp đơn vị so sánh, được bỏ ra khi xếp hạng.",
    "The list's title; {year} is replaced.": "Tiêu đề danh sách; {year} được thay bằng năm.",
    "The report it is attached to, e.g. \"Báo cáo số 120/BC-UBND\".": "Báo cáo mà danh sách kèm theo, ví dụ \"Báo cáo số 120/BC-UBND\".",
    "The index year, in the title.": "Năm của chỉ số, ghi trong tiêu đề.",
    "What-if: scenarios side by side, top losses, a plan to reach a target, projected ranks.":
        "Giả định: so sánh các kịch bản, các tiêu chí mất nhiều điểm nhất, kế hoạch đạt mục tiêu, thứ hạng dự kiến.",
    "CODE=POINTS or CODE=value:NUMBER; repeatable; together one scenario.": "MÃ=ĐIỂM hoặc MÃ=value:SỐ; dùng được nhiều lần; tất cả hợp thành một kịch bản.",
    "A YAML file of named scenarios; repeatable.": "Tệp YAML gồm các kịch bản có tên; dùng được nhiều lần.",
    "List the N sub-criteria that lost the most.": "Liệt kê N tiêu chí thành phần bị mất nhiều điểm nhất.",
    "Plan the fewest recoveries that reach this index.": "Lập kế hoạch khôi phục ít tiêu chí nhất để đạt chỉ số này.",
    "Kinds of criteria a plan never counts on: survey (the default), appraised, mixed, bonus, penalty, or none to plan every kind; repeatable.":
        "Loại tiêu chí kế hoạch không tính đến: survey (mặc định), appraised, mixed, bonus, penalty, hoặc none để tính mọi loại; "
        "dùng được nhiều lần.",
    "The part of each loss a plan counts on winning back, e.g. 50% (default: all of it).":
        "Phần điểm bị mất mà kế hoạch tính sẽ khôi phục được, ví dụ 50% (mặc định: toàn bộ).",
    "Plan the fewest recoveries that reach this grade of the set (A, B, or a set's own, such as Tốt).":
        "Lập kế hoạch khôi phục ít tiêu chí nhất để đạt mức xếp loại này của bộ tiêu chí (A, B, hoặc mức riêng của bộ, như Tốt).",
    "Plan the recoveries that reach this rank among --peers.": "Lập kế hoạch khôi phục để đạt thứ hạng này trong số các đơn vị của --peers.",
    "CSV of others' results (unit, year, index[, rank, source]).": "Tệp CSV kết quả của các đơn vị khác (unit, year, index[, rank, source]).",
    "A playbook whose `effort` per code weighs the plan.": "Playbook có `effort` (công sức) theo từng mã, dùng để cân nhắc kế hoạch.",
    "Rank units: rank, unit, total, index, group and each field's sub-index; counts per group and the mean. The table shows the first 100 units; csv, md, json, xlsx and docx hold them all.":
        "Xếp hạng các đơn vị: thứ hạng, đơn vị, tổng điểm, chỉ số, nhóm và chỉ số thành phần từng lĩnh vực; số đơn vị mỗi nhóm và điểm trung bình. "
        "Bảng chỉ hiện 100 đơn vị đầu tiên; csv, md, json, xlsx và docx có đủ mọi đơn vị.",
    "Workbooks with many units (or one unit each).": "Các bảng tính có nhiều đơn vị (hoặc mỗi bảng tính một đơn vị).",
    "wide (a column per unit), long (a unit column) or sheets (a sheet per unit); detected when left out.":
        "wide (mỗi đơn vị một cột), long (một cột tên đơn vị) hoặc sheets (mỗi đơn vị một trang tính); không chọn thì tự nhận biết.",
    "Year over year: per unit and per node the points in each year and the change, largest drops first.":
        "So sánh hai năm: điểm từng năm và mức thay đổi theo từng đơn vị, từng mục; giảm nhiều nhất xếp trước.",
    "The earlier year's workbook.": "Bảng tính của năm trước.",
    "The later year's workbook.": "Bảng tính của năm sau.",
    "The later year's set, when it differs (codes are matched).": "Bộ tiêu chí của năm sau, khi khác năm trước (đối chiếu theo mã).",
    "wide, long or sheets; detected when left out.": "wide, long hoặc sheets; không chọn thì tự nhận biết.",
    "Write a blank scoring workbook for a criterion set, which `parcalc score` reads back.":
        "Tạo bảng tính chấm điểm trống theo một bộ tiêu chí, để `parcalc score` đọc lại.",
    "A shipped set id or a path to a YAML set.": "Mã một bộ tiêu chí có sẵn hoặc đường dẫn đến tệp YAML của bộ tiêu chí.",
    "The .xlsx file to write.": "Tệp .xlsx cần ghi.",
    "List, show, check and import criterion sets.": "Liệt kê, xem, kiểm tra và nhập bộ tiêu chí.",
    "The criterion sets shipped with parcalc.": "Các bộ tiêu chí có sẵn trong parcalc.",
    "Show a criterion set's tree with its points; unknown parts are marked.": "Xem cây tiêu chí của một bộ kèm điểm chuẩn; phần chưa rõ được đánh dấu.",
    "Check criterion-set files; every problem is listed with its file, line and code.":
        "Kiểm tra tệp bộ tiêu chí; mỗi lỗi được nêu kèm tệp, dòng và mã.",
    "YAML criterion sets to check.": "Các tệp YAML bộ tiêu chí cần kiểm tra.",
    "Build a criterion set from a table (code, name, maximum points) in one step.": "Tạo bộ tiêu chí từ một bảng (mã, tên, điểm chuẩn) trong một bước.",
    "An .xlsx table with code, name and maximum points columns.": "Bảng .xlsx có các cột mã, tên và điểm chuẩn.",
    "The YAML file to write.": "Tệp YAML cần ghi.",
    "The set's id (default: the output file's name).": "Mã của bộ tiêu chí (mặc định: tên tệp kết quả).",
    "The set's title (default: the table's file name).": "Tên của bộ tiêu chí (mặc định: tên tệp bảng).",
    "Whose index this is.": "Chỉ số này của cấp nào.",
    "Remediation playbooks.": "Playbook giải pháp khắc phục.",
    "Write a playbook skeleton with every sub-criterion of a set, to fill in.": "Tạo khung playbook gồm mọi tiêu chí thành phần của bộ tiêu chí, để điền vào.",
    "The playbook YAML to write.": "Tệp YAML playbook cần ghi.",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Install completion for the current shell.": "Cài đặt tự động hoàn thành lệnh (Tab) cho shell đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "Hiện mã tự động hoàn thành lệnh cho shell đang dùng, để sao chép hoặc tự cài đặt.",
    "A unit to chart against the mean (xlsx).": "Đơn vị được vẽ biểu đồ so với mức trung bình (xlsx).",
    "One self-contained HTML page: summary, tree with lost points, ranking, field heatmap, a unit against the mean, changes.":
        "Một trang HTML trọn gói: tóm tắt, cây tiêu chí với điểm bị mất, xếp hạng, bản đồ nhiệt các lĩnh vực, một đơn vị so với "
        "mức trung bình, các thay đổi.",
    "The .html file to write (default: standard output).": "Tệp .html cần ghi (mặc định: đầu ra chuẩn).",
    "The appendix title (xlsx, docx); {year} is replaced.": "Tiêu đề phụ lục (xlsx, docx); {year} được thay bằng năm.",
    "The decision it is attached to, e.g. \"Quyết định số 123/QĐ-UBND ngày 20/01/2025\".":
        "Quyết định mà phụ lục kèm theo, ví dụ \"Quyết định số 123/QĐ-UBND ngày 20/01/2025\".",
    "The index year, in the title (xlsx, docx).": "Năm của chỉ số, ghi trong tiêu đề (xlsx, docx).",
    "The page's title; {year} is replaced.": "Tiêu đề của trang; {year} được thay bằng năm.",
    "The previous year's set, when it differs.": "Bộ tiêu chí của năm trước, khi khác năm nay.",
    "The previous year's workbook(s), for the changes; repeatable.": "Bảng tính của năm trước, để thấy các thay đổi; dùng được nhiều lần.",
    "The unit the page is about (default: the first unit read).": "Đơn vị mà trang nói đến (mặc định: đơn vị đầu tiên được đọc).",
    "Workbooks with one unit or many.": "Các bảng tính có một hoặc nhiều đơn vị.",
    # typer's own words in help (typer.core)
    "Arguments": "Đối số",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "required": "bắt buộc",
    "default: {default}": "mặc định: {default}",
    # the other lines a command prints
    "ok: {path} ({set}, {nodes} nodes, total {total})": "đạt: {path} ({set}, {nodes} mục, tổng {total})",
    "unknown": "chưa rõ",
    "wrote {path}": "đã ghi {path}",
    # reading workbooks (read/xlsx.py, valuesheet.py, cells.py, workbook.py, headers.py)
    # read/xlsx.py
    "it is not a zip archive, as every .xlsx is": "tệp không phải là tệp nén zip như mọi tệp .xlsx",
    "its compressed data are damaged": "dữ liệu nén bên trong bị hỏng",
    "the file ends too early": "tệp bị cắt cụt",
    "{name!r}": "«{name}»",
    "{option} {name!r}": "{option} {name!r}",  # as it is typed in a shell, in either language
    "open it in Excel or LibreOffice and save it as .xlsx (or: libreoffice --headless --convert-to xlsx FILE)":
        "hãy mở tệp bằng Excel hoặc LibreOffice và lưu dưới dạng .xlsx (hoặc: libreoffice --headless --convert-to xlsx FILE)",
    "the workbook has no sheets; save it again from Excel or LibreOffice": "bảng tính không có trang tính nào; hãy lưu lại bằng Excel hoặc LibreOffice",
    "no sheet named {name!r}; its sheets are {sheets}": "không có trang tính nào tên «{name}»; các trang tính của bảng tính là {sheets}",
    "contains a DTD or entity declarations, which workbooks never need (possible XML bomb); refusing to read it":
        "chứa khai báo DTD hoặc khai báo thực thể (entity), thứ mà bảng tính không bao giờ cần (có thể là bom XML); từ chối đọc tệp này",
    "damaged XML in the workbook ({error}, line {line}); save it again from Excel or LibreOffice":
        "XML trong bảng tính bị hỏng ({error}, dòng {line}); hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged or truncated workbook ({error}); save it again from Excel or LibreOffice":
        "bảng tính bị hỏng hoặc bị cắt cụt ({error}); hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: part {part} is missing; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: thiếu phần {part}; hãy lưu lại bằng Excel hoặc LibreOffice",
    "part {part} unpacks to {size} bytes, too large to be a real sheet":
        "phần {part} khi giải nén có {size} byte, quá lớn để là một trang tính thật",
    "damaged workbook ({error}); save it again from Excel or LibreOffice": "bảng tính bị hỏng ({error}); hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: its root relationships do not name xl/workbook.xml as the workbook; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: phần quan hệ gốc của tệp không chỉ đến xl/workbook.xml làm bảng tính; hãy lưu lại bằng Excel hoặc LibreOffice",
    "sheet {sheet!r} points to no sheet part": "trang tính «{sheet}» không trỏ đến phần dữ liệu trang tính nào",
    "sheet {sheet!r} has the unknown state {state!r}": "trang tính «{sheet}» có trạng thái không xác định «{state}»",
    "damaged workbook: {damage}; save it again from Excel or LibreOffice": "bảng tính bị hỏng: {damage}; hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: a part that is not in UTF-8, as Excel and LibreOffice write them; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: có một phần không mã hóa UTF-8 như Excel và LibreOffice vẫn ghi; hãy lưu lại bằng Excel hoặc LibreOffice",
    "is a folder, not a workbook; name an .xlsx file": "là một thư mục, không phải bảng tính; hãy chỉ đến một tệp .xlsx",
    "is the lock file Excel keeps beside a workbook it has open, not a workbook: use {real}":
        "là tệp khóa Excel tạo bên cạnh bảng tính đang mở, không phải bảng tính: hãy dùng {real}",
    "{count} files or folders here have this name in different Unicode spellings (NFC, NFD): rename all but one, or give the name by a wildcard or the Tab key":
        "ở đây có {count} tệp hoặc thư mục mang tên này theo các kiểu mã hóa Unicode khác nhau (NFC, NFD): hãy đổi tên để chỉ còn một, hoặc gõ tên bằng ký tự đại diện hay phím Tab",
    "the name is not UTF-8 text: rename the file or folder": "tên không phải văn bản UTF-8: hãy đặt lại tên tệp hoặc thư mục",
    "no such file: check its name and path": "không có tệp này: hãy kiểm tra lại tên và đường dẫn",
    "cannot be read: {reason}": "không đọc được: {reason}",
    "the workbook is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save a copy":
        "bảng tính có đặt mật khẩu: hãy mở bằng Excel, gỡ mật khẩu (File > Info > Protect Workbook) và lưu một bản sao",
    "is an old binary .xls workbook, which parcalc does not read: {hint}": "là bảng tính .xls kiểu cũ, parcalc không đọc được: {hint}",
    "is not an .xlsx workbook (it does not start like one; was it renamed?)":
        "không phải bảng tính .xlsx (phần đầu tệp không giống bảng tính; tệp có bị đổi tên không?)",
    "is damaged or truncated ({error}); save it again from Excel": "bị hỏng hoặc bị cắt cụt ({error}); hãy lưu lại bằng Excel",
    "is damaged: it uses a zip compression Excel never writes; save it again from Excel or LibreOffice":
        "bị hỏng: tệp dùng kiểu nén zip mà Excel không bao giờ dùng; hãy lưu lại bằng Excel hoặc LibreOffice",
    "is damaged: it holds {parts} more than once; save it again from Excel or LibreOffice":
        "bị hỏng: tệp chứa {parts} nhiều hơn một lần; hãy lưu lại bằng Excel hoặc LibreOffice",
    "is an OpenDocument spreadsheet (.ods), which parcalc does not read: {hint}": "là bảng tính OpenDocument (.ods), parcalc không đọc được: {hint}",
    "is a zip archive but not an Excel workbook (no xl/workbook.xml): name the .xlsx file":
        "là tệp nén zip nhưng không phải bảng tính Excel (không có xl/workbook.xml): hãy chỉ ra tệp .xlsx",
    "its zip end record announces more bytes than the file has": "bản ghi cuối của tệp zip khai báo nhiều byte hơn số byte tệp thực có",
    "an entry of its zip directory runs past the directory's end": "một mục trong danh mục zip của tệp vượt quá cuối danh mục",
    "damaged workbook: a row number that is not a row of a sheet; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: số dòng không phải là một dòng của trang tính; hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: the row is given twice or out of order; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: dòng được ghi hai lần hoặc sai thứ tự; hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: the cell reference {ref!r} is not a cell of row {row}; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: địa chỉ ô «{ref}» không phải là một ô của dòng {row}; hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: the cell type {type!r} is none of Excel's; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: kiểu ô «{type}» không phải kiểu nào của Excel; hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: the sheet's dimension {ref!r} is not a range; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: phạm vi (dimension) «{ref}» của trang tính không phải là một vùng ô; hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: the cell is given twice; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: ô được ghi hai lần; hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: the number cell holds {text!r}; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: ô kiểu số lại chứa «{text}»; hãy lưu lại bằng Excel hoặc LibreOffice",
    "damaged workbook: a text cell points to a missing shared string; save it again from Excel or LibreOffice":
        "bảng tính bị hỏng: một ô văn bản trỏ đến chuỗi dùng chung (shared string) không có; hãy lưu lại bằng Excel hoặc LibreOffice",
    # read/valuesheet.py
    "its cells span {extent}, far beyond a scoring table: a value typed far away? Delete the rows and columns outside the table "
    "(Ctrl+End shows the last used cell) and save again":
        "các ô có dữ liệu trải rộng ({extent}), vượt xa một bảng điểm: có giá trị nào bị gõ ở xa không? Hãy xóa các dòng và cột "
        "nằm ngoài bảng (Ctrl+End cho biết ô cuối cùng có dữ liệu) rồi lưu lại",
    "damaged workbook ({error}); save it again from Excel": "bảng tính bị hỏng ({error}); hãy lưu lại bằng Excel",
    "row {row}": "dòng {row}",
    # read/cells.py
    "{text!r} is not a rate (write it like 91,67% or 0,9167)": "«{text}» không phải là tỷ lệ (hãy ghi như 91,67% hoặc 0,9167)",
    "{text!r} is a rate, not points: write the points this rate earns (or give the rate in a value column with a scoring rule)":
        "«{text}» là tỷ lệ, không phải điểm: hãy ghi số điểm mà tỷ lệ này đạt được (hoặc ghi tỷ lệ vào cột giá trị có quy tắc tính điểm)",
    "{text!r} is not a value (write a rate like 32% or 0,32, a count, or Có / Không)":
        "«{text}» không phải là giá trị (hãy ghi tỷ lệ như 32% hoặc 0,32, một số lượng, hoặc Có / Không)",
    "{text!r} is not a number (write points like 1,48 or 1.48)": "«{text}» không phải là số (hãy ghi điểm như 1,48 hoặc 1.48)",
    "holds a formula whose result was never saved: open the workbook in Excel or LibreOffice, let it calculate, save, and try again":
        "chứa công thức chưa được lưu kết quả: hãy mở bảng tính bằng Excel hoặc LibreOffice, để chương trình tính xong, lưu lại rồi chạy lại",
    "holds the Excel error {error}: fix the formula": "chứa lỗi Excel {error}: hãy sửa công thức",
    "holds TRUE/FALSE, not points: write the points": "chứa TRUE/FALSE, không phải điểm: hãy ghi số điểm",
    "is formatted as a percentage ({percent} %): a rate, not points; format it as a number if it holds points":
        "được định dạng phần trăm ({percent} %): là tỷ lệ, không phải điểm; nếu ô chứa điểm, hãy định dạng ô là số",
    "{text!r} is not a number of points (nor a count) that a sheet can hold":
        "«{text}» không phải là số điểm (hay số lượng) mà một bảng tính có thể chứa",
    "points cannot be negative ({text}): write 0 or more": "điểm không được là số âm ({text}): hãy ghi số điểm từ 0 trở lên",
    # read/workbook.py
    "{message}; did you mean {choices}?": "{message}; có phải cần chọn {choices}?",
    "holds more than {most:,} rows: one unit's scoring table has a row per criterion (many units in one sheet: parcalc rank)":
        "có hơn {most} dòng: bảng điểm của một đơn vị chỉ có mỗi tiêu chí một dòng (nhiều đơn vị trong một trang tính: dùng parcalc rank)",
    "{text!r} is not a criterion code (codes look like 3, 3.4.1 or a Roman field number such as II)":
        "«{text}» không phải là mã tiêu chí (mã có dạng 3, 3.4.1 hoặc số La Mã của lĩnh vực như II)",
    "no rows with a criterion code below the header (row {row}): write the criterion codes in the code column":
        "không có dòng nào có mã tiêu chí dưới dòng tiêu đề (dòng {row}): hãy ghi mã tiêu chí vào cột mã",
    "{code}: {message}": "{code}: {message}",
    "{code}: {points} points is more than its standard points {max}": "{code}: điểm thẩm định {points} lớn hơn điểm chuẩn {max}",
    # read/headers.py
    "the points heading stands over several columns ({cells}): a sheet with a column per unit is ranked with `parcalc rank`, which reads every unit":
        "tiêu đề cột điểm trải trên nhiều cột ({cells}): trang tính có mỗi đơn vị một cột thì xếp hạng bằng `parcalc rank`, lệnh này đọc mọi đơn vị",
    "the sheet is empty": "trang tính trống, không có bảng chấm điểm",
    "the header has no code column: add a column headed STT, Mã or code holding codes such as 3.4.1":
        "dòng tiêu đề không có cột mã: hãy thêm một cột có tiêu đề STT, Mã hoặc code, ghi các mã như 3.4.1",
    "this sheet is a ranking ({headings}), not a table of points: leave its workbook out of those read (parcalc rank -o writes such a file)":
        "trang tính này là một bảng xếp hạng ({headings}), không phải bảng điểm: hãy bỏ bảng tính này ra khỏi các tệp được đọc (parcalc rank -o ghi ra tệp như vậy)",
    "no header row in the first {rows} rows: expected a code column (STT, Mã, code) and a points column ({names})":
        "không tìm thấy dòng tiêu đề trong {rows} dòng đầu: cần có một cột mã (STT, Mã, code) và một cột điểm ({names})",
    # reading other files (read/criteria_file.py, multiunit.py, yamlsafe.py, playbook_file.py, ...)
    # read/textfile.py
    "is a folder, not {what}; name a file": "là một thư mục, không phải {what}; hãy chỉ đến một tệp",
    # ("no such file: check its name and path" and "cannot be read: {reason}" are shared with read/xlsx.py, above)
    "is not UTF-8 text (byte {byte}); save it as UTF-8": "không phải văn bản UTF-8 (byte {byte}); hãy lưu lại tệp với mã hóa UTF-8",
    # read/yamlsafe.py
    "a {{ or [ is not closed, or a comma inside a value: put such a value in quotes":
        "thiếu dấu đóng }} hoặc ], hoặc có dấu phẩy trong một giá trị: hãy đặt giá trị đó trong dấu ngoặc kép",
    "a tab is used for indentation: indent with spaces": "dùng phím Tab để thụt dòng: hãy thụt dòng bằng dấu cách",
    "a colon inside a value: put the value in quotes": "có dấu hai chấm trong một giá trị: hãy đặt giá trị trong dấu ngoặc kép",
    "YAML syntax error: {problem}": "lỗi cú pháp YAML: {problem}",
    "anchors and aliases (& and *) are not allowed; write the value out": "không được dùng neo và tham chiếu (& và *); hãy viết đầy đủ giá trị",
    "keys must be text, not {key!r}: quote it": "khóa phải là chữ, không phải «{key}»: hãy đặt khóa trong dấu ngoặc kép",
    "key {key!r} is given twice; keep one": "khóa «{key}» được ghi hai lần; hãy giữ lại một",
    "a number of {count} characters is not one a criterion set needs": "một số dài {count} ký tự không phải là số mà bộ tiêu chí cần",
    "{number!r} is not a finite number of a plausible size": "«{number}» không phải là một số hữu hạn có độ lớn hợp lý",
    "YAML tag {tag!r} is not allowed in a criterion set; remove the tag": "không được dùng thẻ YAML «{tag}» trong bộ tiêu chí; hãy bỏ thẻ này",
    "{field}: Field required; add it": "{field}: thiếu khóa bắt buộc này; hãy thêm vào",
    "{field}: Extra inputs are not permitted; remove it or correct its spelling":
        "{field}: khóa này không được phép; hãy xóa hoặc sửa chính tả",
    "{field}: Input should be a valid string": "{field}: giá trị phải là chữ (văn bản)",
    "{field}: Input should be a valid decimal": "{field}: giá trị phải là một số, viết với dấu chấm thập phân (như 1.5)",
    "{field}: Decimal input should be an integer, float, string or Decimal object": "{field}: giá trị phải là một số (như 2 hoặc 1.5)",
    "{field}: Input should be a finite number": "{field}: giá trị phải là một số hữu hạn",
    "{field}: Input should be a valid integer, unable to parse string as an integer": "{field}: giá trị phải là một số nguyên",
    "{field}: Input should be a valid integer": "{field}: giá trị phải là một số nguyên",
    "{field}: Input should be a valid integer, got a number with a fractional part": "{field}: giá trị phải là một số nguyên, không có phần thập phân",
    "{field}: Input should be a valid number, unable to parse string as a number": "{field}: giá trị phải là một số",
    "{field}: Input should be a valid number": "{field}: giá trị phải là một số",
    "{field}: Input should be a valid boolean, unable to interpret input": "{field}: giá trị phải là true hoặc false",
    "{field}: Input should be a valid boolean": "{field}: giá trị phải là true hoặc false",
    "{field}: Input should be a valid list": "{field}: giá trị phải là một danh sách (mỗi mục một dòng, bắt đầu bằng «- »)",
    "{field}: Input should be a valid dictionary": "{field}: giá trị phải là một nhóm các dòng «khóa: giá trị»",
    "{field}: Input should be {expected}": "{field}: giá trị phải là {expected}",
    "{choices} or {last}": "{choices} hoặc {last}",
    "{field}: Input should be greater than or equal to {ge}": "{field}: giá trị phải lớn hơn hoặc bằng {ge}",
    "{field}: Input should be less than or equal to {le}": "{field}: giá trị phải nhỏ hơn hoặc bằng {le}",
    "{field}: Input should be greater than {gt}": "{field}: giá trị phải lớn hơn {gt}",
    "{field}: Input should be less than {lt}": "{field}: giá trị phải nhỏ hơn {lt}",
    "{field}: {detail}": "{field}: {detail}",
    # read/criteria_file.py
    "is not a finite number of a plausible size": "không phải là một số hữu hạn có độ lớn hợp lý",
    "a criterion set (.yaml)": "một bộ tiêu chí (.yaml)",
    "is not a parcalc criterion set: it must be a mapping that starts with `parcalc_criteria: {version}` (see README, 'Writing a criterion set')":
        "không phải là bộ tiêu chí của parcalc: tệp phải là một nhóm khóa bắt đầu bằng `parcalc_criteria: {version}` (xem README, mục 'Writing a criterion set')",
    "unknown key {key!r}: check its spelling (README lists the keys)": "khóa «{key}» không hợp lệ: hãy kiểm tra chính tả (README liệt kê các khóa)",
    "missing key {key!r}; add it": "thiếu khóa «{key}»; hãy thêm vào",
    "criterion {code}, {message}": "tiêu chí {code}, {message}",
    "code {code!r} is not a dotted code such as 3.4.1": "mã «{code}» không phải là mã có dấu chấm như 3.4.1",
    "code {code} is used twice (first at {first})": "mã {code} được dùng hai lần (lần đầu tại {first}); mỗi mã chỉ dùng một lần",
    "code {code} is at the top but is not a field code (1, 2, ...); move it under its field":
        "mã {code} nằm ở cấp cao nhất nhưng không phải mã lĩnh vực (1, 2, ...); hãy đặt nó vào đúng lĩnh vực",
    "code {code} is listed under {parent} but does not belong there (expected {parent}.N); correct the code or move it where it belongs":
        "mã {code} được xếp dưới {parent} nhưng không thuộc {parent} (cần có dạng {parent}.N); hãy sửa mã hoặc chuyển nó đến đúng chỗ",
    "criterion {code}: source {source!r} is not among the set's sources; add it to `sources` or correct it":
        "tiêu chí {code}: nguồn «{source}» không có trong danh sách nguồn (sources) của bộ tiêu chí; hãy thêm nguồn này vào `sources` hoặc sửa lại tên nguồn",
    "criterion {code}: maximum points cannot be negative": "tiêu chí {code}: điểm chuẩn không được âm",
    "criterion {code}: bonus, penalty and optional blocks are top-level nodes (fields); move it up to the top level":
        "tiêu chí {code}: khối điểm thưởng, điểm trừ và khối tùy chọn phải ở cấp cao nhất (cấp lĩnh vực); hãy chuyển lên cấp lĩnh vực",
    "the fields total {total} points, not the declared total {declared}; fix the points or `total`":
        "các lĩnh vực có tổng điểm chuẩn {total}, không bằng tổng đã khai báo {declared}; hãy sửa điểm hoặc `total`",
    "a {level} index totals 100 points: declare `total: 100`": "chỉ số cấp {level} có tổng 100 điểm: hãy khai báo `total: 100`",
    "grade {grade!r}: give either at_least (từ ... điểm) or above (trên ... điểm)": "xếp loại «{grade}»: hãy ghi một trong hai: at_least (từ ... điểm) hoặc above (trên ... điểm)",
    "grade {grade!r} is named twice": "xếp loại «{grade}» bị đặt tên hai lần; mỗi tên chỉ dùng một lần",
    "grade {grade!r} starts at {floor}, not below {above!r}: list grades from the highest down":
        "xếp loại «{grade}» bắt đầu từ {floor}, không thấp hơn xếp loại «{above}»: hãy liệt kê các xếp loại từ cao xuống thấp",
    "list at least one grade, or leave grades out for MoHA's A, B, C, D": "hãy liệt kê ít nhất một xếp loại, hoặc bỏ khóa grades để dùng xếp loại A, B, C, D của Bộ Nội vụ",
    "the last grade ({grade!r}) must start at 0 (at_least: 0), so that every index has a grade":
        "xếp loại cuối cùng («{grade}») phải bắt đầu từ 0 (at_least: 0) để chỉ số nào cũng có xếp loại",
    "criterion {code}: a rule belongs on a node without children; move `rule` down to a child":
        "tiêu chí {code}: quy tắc chấm chỉ đặt ở tiêu chí không có tiêu chí thành phần; hãy chuyển `rule` xuống tiêu chí thành phần",
    "criterion {code}: each band gives either at_least (từ, ít nhất) or above (trên)": "tiêu chí {code}: mỗi mức (band) phải ghi một trong hai: at_least (từ, ít nhất) hoặc above (trên)",
    "criterion {code}: {message}": "tiêu chí {code}: {message}",
    "criterion {code}: its listed children total {listed}, more than its maximum {max}; fix the children's points or `max`":
        "tiêu chí {code}: các tiêu chí thành phần đã liệt kê có tổng {listed} điểm, nhiều hơn điểm chuẩn {max}; hãy sửa điểm của các tiêu chí thành phần hoặc `max`",
    "criterion {code}: its children total {listed}, not its maximum {max}; fix the points, or mark it `partial: true` if its official breakdown is only partly known":
        "tiêu chí {code}: các tiêu chí thành phần có tổng {listed} điểm, không bằng điểm chuẩn {max}; hãy sửa điểm, hoặc ghi `partial: true` nếu chỉ biết một phần cách chia điểm chính thức",
    # read/playbook_file.py
    "a playbook (.yaml)": "một sổ tay khắc phục (playbook, .yaml)",
    "is not a parcalc playbook: it must start with `parcalc_playbook: {version}`": "không phải là sổ tay khắc phục của parcalc: tệp phải bắt đầu bằng `parcalc_playbook: {version}`",
    "effort {effort} is not a cost: give a number above 0 (such as 1 or 2.5); max_recovery: 0 keeps a criterion out of plans":
        "effort {effort} không phải là mức công sức: nhập số lớn hơn 0 (như 1 hoặc 2.5); max_recovery: 0 loại một tiêu chí khỏi kế hoạch",
    "unknown key {key!r}: playbook entries take {fields}, effort and max_recovery": "khóa «{key}» không hợp lệ: mỗi mục của sổ tay khắc phục chỉ nhận {fields}, effort và max_recovery",
    "pattern {pattern!r} is not a code followed by .* (such as 3.4.*)": "mẫu «{pattern}» không phải là một mã có .* ở cuối (như 3.4.*)",
    "{code!r} is not a criterion code such as 3.4.1": "«{code}» không phải là mã tiêu chí (dạng như 3.4.1)",
    # ("code {code} is not in criterion set {set}" is shared with analysis/whatif.py, above)
    # read/peers_file.py
    "{unit!r}: {count} values under {columns} columns (a decimal comma? write 85.5, or quote it: \"85,5\")":
        "«{unit}»: {count} giá trị nhưng chỉ có {columns} cột (dấu phẩy thập phân? hãy viết 85.5, hoặc đặt trong ngoặc kép: \"85,5\")",
    "{unit!r} is listed twice for {year} (also on row {first})": "«{unit}» được ghi hai lần cho năm {year} (cũng có ở dòng {first})",
    "a peers file (.csv)": "một tệp đơn vị so sánh (.csv)",
    "the header needs the columns {required} (missing: {missing}); add the missing ones":
        "dòng tiêu đề cần có các cột {required} (còn thiếu: {missing}); hãy thêm các cột còn thiếu",
    "{unit!r}: year, index (0..100) and rank must be numbers": "«{unit}»: năm (year), chỉ số (index, từ 0 đến 100) và thứ hạng (rank) phải là số",
    "has no rows; add the units' results": "không có dòng dữ liệu nào; hãy thêm kết quả của các đơn vị",
    # read/scenario_file.py
    "a scenario file (.yaml)": "một tệp kịch bản (.yaml)",
    "is not a parcalc scenario file: it must start with `parcalc_scenarios: 1`": "không phải là tệp kịch bản của parcalc: tệp phải bắt đầu bằng `parcalc_scenarios: 1`",
    "unknown key {key!r}: check its spelling": "khóa «{key}» không hợp lệ: hãy kiểm tra chính tả",
    # read/catalog.py
    "none": "không có",
    "unknown criterion set {name!r}: use one of {known} (parcalc criteria list) or a path to a .yaml file":
        "không có bộ tiêu chí «{name}»: hãy dùng một trong {known} (parcalc criteria list) hoặc đường dẫn tới một tệp .yaml",
    "unknown playbook {name!r}: use one of {known} or a path to a .yaml file": "không có sổ tay khắc phục «{name}»: hãy dùng một trong {known} hoặc đường dẫn tới một tệp .yaml",
    # read/code_column.py
    "code {code} appears twice (first at {first}); keep one row per code": "mã {code} xuất hiện hai lần (lần đầu tại {first}); mỗi mã chỉ giữ một dòng",
    "code {code} appears twice (first at {first}); keep one row per code; the code cell holds the number {number}: "
    "Excel turns a code typed as {code}0 into {code}, so format the code column as text and type the codes again":
        "mã {code} xuất hiện hai lần (lần đầu tại {first}); mỗi mã chỉ giữ một dòng; ô mã đang chứa số {number}: "
        "Excel đổi mã gõ là {code}0 thành {code}, vì vậy hãy định dạng cột mã là văn bản (Text) và gõ lại các mã",
    # read/multiunit.py
    "{layout!r} is not a layout: use {layouts}": "«{layout}» không phải là một cách bố trí: hãy dùng {layouts}",
    "no header row in the first {rows} rows with a code column and a unit column (Đơn vị, unit); add these columns to the header row":
        "không tìm thấy dòng tiêu đề có cột mã và cột đơn vị (Đơn vị, unit) trong {rows} dòng đầu; hãy thêm các cột này vào dòng tiêu đề",
    "no header row in the first {rows} rows with a code column and one column per unit; add a header row naming the units":
        "không tìm thấy dòng tiêu đề có cột mã và mỗi đơn vị một cột trong {rows} dòng đầu; hãy thêm dòng tiêu đề ghi tên các đơn vị",
    "unit {unit!r} has a second column (first in column {column}); name each unit once": "đơn vị «{unit}» có cột thứ hai (cột đầu tiên là cột {column}); mỗi đơn vị chỉ ghi tên một lần",
    "no unit columns: the wide layout has one points column per unit, headed with its name":
        "không có cột đơn vị: cách bố trí wide có mỗi đơn vị một cột điểm, tiêu đề cột là tên đơn vị; hãy ghi tên đơn vị vào tiêu đề",
    "more than {most} criterion rows: a wide sheet has one row per criterion, so this is no scoring table (a row per unit and criterion is the long layout: --layout long)":
        "hơn {most} dòng tiêu chí: trang tính kiểu wide có mỗi tiêu chí một dòng, nên đây không phải bảng chấm điểm (mỗi dòng một đơn vị và một tiêu chí là cách bố trí long: --layout long)",
    "column {column} has points but no unit name in its header (row {row}); write the unit's name in the header":
        "cột {column} có điểm nhưng tiêu đề cột (dòng {row}) không có tên đơn vị; hãy ghi tên đơn vị vào tiêu đề",
    "the standard points of {code}": "điểm chuẩn của {code}",
    "{code}: {reason}": "{code}: {reason}",
    "{code}: is formatted as a percentage: a rate, not points; format it as a number if it holds points":
        "{code}: được định dạng phần trăm: là tỷ lệ, không phải điểm; nếu ô chứa điểm, hãy định dạng ô là số",
    "unit {unit!r} has no points for {code}, which other units have; enter its points":
        "đơn vị «{unit}» không có điểm cho {code}, trong khi các đơn vị khác có; hãy nhập điểm",
    "the long layout needs a points column (Điểm thẩm định, points); add it":
        "cách bố trí long cần một cột điểm (Điểm thẩm định, points); hãy thêm cột này",
    "the row of {code} names no unit; write the unit in the unit column": "dòng của {code} không ghi tên đơn vị; hãy ghi đơn vị vào cột đơn vị",
    "unit {unit!r} has {code} twice (first at {first}); keep one row":
        "đơn vị «{unit}» có {code} hai lần (lần đầu tại {first}); hãy giữ lại một dòng",
    "no rows with a unit and a criterion code; write the criterion codes in the code column":
        "không có dòng nào ghi đơn vị và mã tiêu chí; hãy ghi mã tiêu chí vào cột mã",
}
