<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export/dialog.py" line="59" />
        <location filename="../../ui/export/dialog.py" line="170" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="80" />
        <source>Rectification ledger (XLSX)</source>
        <translation>整改台账（XLSX）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="81" />
        <source>Ledger (CSV)</source>
        <translation>台账（CSV）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="82" />
        <source>Timeline (OTIO: Resolve, Kdenlive)</source>
        <translation>时间线（OTIO：达芬奇、Kdenlive）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="83" />
        <source>Timeline (FCP7 XML: Premiere)</source>
        <translation>时间线（FCP7 XML：Premiere）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="84" />
        <source>EDL (CMX3600)</source>
        <translation>EDL（CMX3600）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="85" />
        <source>Resolve timeline markers (EDL)</source>
        <translation>达芬奇时间线标记（EDL）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="86" />
        <source>Captions (SRT)</source>
        <translation>字幕（SRT）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="87" />
        <source>Captions (ASS)</source>
        <translation>字幕（ASS）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="88" />
        <source>Clip files (MP4)</source>
        <translation>问题片段（MP4）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="89" />
        <source>Screening reel (MP4)</source>
        <translation>放映合成片（MP4）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="90" />
        <source>Meeting slides (PPTX)</source>
        <translation>会议幻灯片（PPTX）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="91" />
        <source>Statistics (CSV + PNG)</source>
        <translation>统计（CSV + PNG）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="93" />
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="105" />
        <source>Tags</source>
        <translation>标记列表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="108" />
        <source>Current filter (%n tag(s))</source>
        <translation><numerusform>当前筛选（%n 条标记）</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="111" />
        <source>Editor's playlist (%n tag(s))</source>
        <translation><numerusform>编辑的播放列表（%n 条标记）</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="123" />
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="126" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="128" />
        <source>Handles before and after</source>
        <translation>前后各留</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="130" />
        <source>Exact (re-encoded, frame-exact)</source>
        <translation>精确（重新编码，逐帧精确）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="131" />
        <source>Lossless (stream copy; snaps to keyframes)</source>
        <translation>无损（直接复制，起点对齐到关键帧）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="133" />
        <source>Clip cut</source>
        <translation>剪切方式</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="134" />
        <source>Burn in category · place · unit</source>
        <translation>叠加字幕：类别 · 地点 · 责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="136" />
        <source>Watermark the reel</source>
        <translation>合成片加水印</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="140" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="141" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="142" />
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="145" />
        <source>Reel grouped by</source>
        <translation>合成片分组</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="147" />
        <source>On the reel</source>
        <translation>按合成片计时</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="148" />
        <source>Per clip file</source>
        <translation>按每个片段计时</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="149" />
        <source>Caption times</source>
        <translation>字幕时间</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="150" />
        <source>e.g. 第5期</source>
        <translation>如：第5期</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="151" />
        <source>Issue on the cover</source>
        <translation>封面期数</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="153" />
        <source>Privacy mosaic</source>
        <translation>隐私打码</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="158" />
        <location filename="../../ui/export/dialog.py" line="215" />
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="161" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="173" />
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="175" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="239" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="261" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="272" />
        <source>✓ %1: %2 problem(s)</source>
        <translation>✓ %1：%2 个问题</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="278" />
        <source>    … and %n more file(s)</source>
        <translation><numerusform>    …… 另有 %n 个文件</numerusform></translation>
    </message>
</context>
<context>
    <name>MediaBin</name>
    <message>
        <location filename="../../ui/media/media_bin.py" line="33" />
        <source>Add footage…</source>
        <translation>添加视频…</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="35" />
        <source>Find moved footage…</source>
        <translation>查找移动过的视频…</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="55" />
        <source>(offline)</source>
        <translation>（离线）</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="61" />
        <source>File not found; use “Find moved footage…”</source>
        <translation>找不到文件；请用“查找移动过的视频…”</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/merge/view.py" line="55" />
        <source>Merge reviewer packages</source>
        <translation>合并审片员数据包</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="82" />
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="83" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="84" />
        <source>Likely duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="85" />
        <source>Code book</source>
        <translation>问题分类表</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="97" />
        <source>Add packages…</source>
        <translation>添加数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="98" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="99" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="100" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="111" />
        <source>Project</source>
        <translation>本项目</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="111" />
        <source>Incoming</source>
        <translation>传入</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="114" />
        <source>Keep mine</source>
        <translation>保留本项目的</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="117" />
        <source>Take theirs</source>
        <translation>采用传入的</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="120" />
        <location filename="../../ui/merge/view.py" line="141" />
        <source>Keep both</source>
        <translation>两个都保留</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="132" />
        <source>First</source>
        <translation>第一条</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="132" />
        <source>Second</source>
        <translation>第二条</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="135" />
        <source>Merge into first</source>
        <translation>合并到第一条</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="138" />
        <source>Merge into second</source>
        <translation>合并到第二条</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="154" />
        <source>Add to code book</source>
        <translation>加入问题分类表</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="157" />
        <source>Do not add</source>
        <translation>不加入</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="162" />
        <source>Entries a laptop's code book has and this project's lacks. Their tags are kept either way.</source>
        <translation>某台电脑的问题分类表中有、本项目没有的条目。无论是否加入，相关标记都会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="202" />
        <source>Choose reviewer packages</source>
        <translation>选择审片员数据包</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="204" />
        <source>Reviewer packages (*.shenpian-pack *.zip);;All files (*)</source>
        <translation>审片员数据包 (*.shenpian-pack *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="217" />
        <source>The project is open read-only; nothing can be merged.</source>
        <translation>项目以只读方式打开，无法合并。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/view.py" line="221" />
        <source>Merging %n package(s)…</source>
        <translation><numerusform>正在合并 %n 个数据包…</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="274" />
        <source>Nothing was merged: %1</source>
        <translation>未合并任何内容：%1</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="278" />
        <source>Nothing new: these packages were already merged.</source>
        <translation>没有新内容：这些数据包已经合并过。</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="281" />
        <source>Added %1, updated %2, identical %3; %4 new conflict(s), %5 likely duplicate(s), %6 code book proposal(s), %7 new footage file(s).</source>
        <translation>新增 %1 条，更新 %2 条，相同 %3 条；新冲突 %4 个，疑似重复 %5 对，分类表建议 %6 条，新视频 %7 个。</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="301" />
        <source>… and %1 more</source>
        <translation>…… 另有 %1 项</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="320" />
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="322" />
        <source>Likely duplicates (%1)</source>
        <translation>疑似重复（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="324" />
        <source>Code book (%1)</source>
        <translation>问题分类表（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="437" />
        <source>edited on both sides</source>
        <translation>双方都修改过</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="439" />
        <source>edited on one side, deleted on the other</source>
        <translation>一方修改、另一方删除</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="446" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="447" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="448" />
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="449" />
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="450" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="451" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="452" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="453" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="454" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="455" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="456" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="457" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="458" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="459" />
        <source>Stills</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="460" />
        <source>Reviewer</source>
        <translation>审片人</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="461" />
        <source>Last edited by</source>
        <translation>最后修改人</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="462" />
        <source>Last edited at</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="463" />
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
</context>
<context>
    <name>RedactionChoice</name>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="17" />
        <source>Unredacted, internal only (marked 未打码 · 内部资料)</source>
        <translation>不打码，仅限内部（标注“未打码 · 内部资料”）</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="19" />
        <source>Mosaic</source>
        <translation>马赛克</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="20" />
        <source>Blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="46" />
        <source>This project has no redaction regions yet: pictures leave unredacted.</source>
        <translation>本项目还没有打码区域：导出的画面未打码。</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="48" />
        <source>Unredacted export: every picture is marked 未打码 · 内部资料.</source>
        <translation>未打码导出：每个画面都标注“未打码 · 内部资料”。</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="51" />
        <source>Redaction not checked for %1 tag(s): %2</source>
        <translation>%1 个标记的打码未经检查：%2</translation>
    </message>
</context>
<context>
    <name>RedactionController</name>
    <message>
        <location filename="../../ui/redact/controller.py" line="100" />
        <source>Select a tag on this footage first</source>
        <translation>请先选择本段视频上的标记</translation>
    </message>
    <message>
        <location filename="../../ui/redact/controller.py" line="133" />
        <source>Following the region…</source>
        <translation>正在跟踪区域…</translation>
    </message>
    <message>
        <location filename="../../ui/redact/controller.py" line="148" />
        <source>The footage of this tag is offline</source>
        <translation>该标记的视频离线</translation>
    </message>
    <message>
        <location filename="../../ui/redact/controller.py" line="150" />
        <source>Looking for faces…</source>
        <translation>正在检测人脸…</translation>
    </message>
</context>
<context>
    <name>RedactionPanel</name>
    <message>
        <location filename="../../ui/redact/panel.py" line="77" />
        <source>Detect faces</source>
        <translation>检测人脸</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="79" />
        <source>Draw region</source>
        <translation>手动框选</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="81" />
        <source>Preview mosaic</source>
        <translation>预览打码</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="84" />
        <source>Mosaic</source>
        <translation>马赛克</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="85" />
        <source>Blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="93" />
        <source>Delete (false detection)</source>
        <translation>删除（误检）</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="95" />
        <source>Keep visible</source>
        <translation>保留不打码</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="140" />
        <source>No tag selected</source>
        <translation>未选择标记</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="141" />
        <location filename="../../ui/redact/panel.py" line="148" />
        <source>Mark checked</source>
        <translation>标为已检查</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="143" />
        <source>Checked by %1 at %2</source>
        <translation>已检查：%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="145" />
        <source>Mark unchecked</source>
        <translation>标为未检查</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="147" />
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="153" />
        <source>Face</source>
        <translation>人脸</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="153" />
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="157" />
        <source>(kept visible)</source>
        <translation>（保留不打码）</translation>
    </message>
</context>
<context>
    <name>RedactionUi</name>
    <message>
        <location filename="../../ui/redact/install.py" line="28" />
        <source>Privacy mosaic</source>
        <translation>隐私打码</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../ui/review/controller.py" line="72" />
        <source>No category has the key %1</source>
        <translation>没有类别使用按键 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="136" />
        <source>Select a tag first, then press S to add a still</source>
        <translation>请先选择一个标记，再按 S 添加截图</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <source>Tag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>Tags</source>
        <translation>标记列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>Add footage…</source>
        <translation>添加视频…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109" />
        <source>Find moved footage…</source>
        <translation>查找移动过的视频…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>Merge reviewers' packages…</source>
        <translation>合并审片员数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>Close project</source>
        <translation>关闭项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Delete tag</source>
        <translation>删除标记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172" />
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>The footage file is missing: %1. Use “Find moved footage…”.</source>
        <translation>视频文件不见了：%1。请用“查找移动过的视频…”。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208" />
        <source>Add footage</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210" />
        <source>Video (*.mp4 *.mov *.avi *.mkv *.ts *.mts *.m4v);;All files (*)</source>
        <translation>视频 (*.mp4 *.mov *.avi *.mkv *.ts *.mts *.m4v);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219" />
        <source>Where is the footage now?</source>
        <translation>视频现在在哪个文件夹？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225" />
        <source>Searching %1 for moved footage…</source>
        <translation>正在 %1 中查找移动过的视频…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233" />
        <source>Relinked %1 file(s)</source>
        <translation>已重新关联 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236" />
        <source>; refused look-alikes with other content: %1</source>
        <translation>；已拒绝同名但内容不同的文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319" />
        <source>NOT SAVED: %1 — retrying</source>
        <translation>未保存：%1 —— 正在重试</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337" />
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/app.py" line="182" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/app.py" line="40" />
        <location filename="../../ui/app.py" line="44" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="49" />
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="50" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="51" />
        <source>Open the demo project</source>
        <translation>打开演示项目</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="56" />
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="67" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="67" />
        <location filename="../../ui/app.py" line="74" />
        <source>Review project (*%1)</source>
        <translation>审片项目 (*%1)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="74" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../ui/tags/editor.py" line="68" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="69" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="70" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="71" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="72" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="73" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="74" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="75" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="76" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="77" />
        <source>Stills</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="105" />
        <source>No tag selected</source>
        <translation>未选择标记</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="124" />
        <source>Tag at %1</source>
        <translation>标记：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tags/editor.py" line="150" />
        <source>%n still(s)</source>
        <translation><numerusform>%n 张截图</numerusform></translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../ui/tags/panel.py" line="76" />
        <source>Search place and note (e.g. 垃圾)</source>
        <translation>搜索地点和备注（如：垃圾）</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="82" />
        <source>Incomplete only</source>
        <translation>仅未填完整</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="97" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="102" />
        <source>All counties</source>
        <translation>全部县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="105" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="108" />
        <source>All reviewers</source>
        <translation>全部审片人</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="159" />
        <source>Set status</source>
        <translation>设置整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="165" />
        <source>Set severity</source>
        <translation>设置严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="168" />
        <source>Set county</source>
        <translation>设置县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="175" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TagTable</name>
    <message>
        <location filename="../../ui/tags/table_model.py" line="51" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="52" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="53" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="54" />
        <location filename="../../ui/tags/table_model.py" line="68" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="55" />
        <location filename="../../ui/tags/table_model.py" line="69" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="56" />
        <location filename="../../ui/tags/table_model.py" line="71" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="57" />
        <location filename="../../ui/tags/table_model.py" line="72" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="58" />
        <location filename="../../ui/tags/table_model.py" line="73" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="59" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="60" />
        <source>Reviewer</source>
        <translation>审片人</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="61" />
        <source>Missing</source>
        <translation>待填项</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="62" />
        <location filename="../../ui/tags/table_model.py" line="74" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="70" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../ui/media/transport.py" line="39" />
        <source>Previous frame (←)</source>
        <translation>上一帧（←）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="40" />
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="41" />
        <source>Next frame (→)</source>
        <translation>下一帧（→）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="52" />
        <source>Go to h:mm:ss.mmm or #frame</source>
        <translation>跳转 时:分:秒.毫秒 或 #帧号</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="60" />
        <source>Reaction-lag offset applied to keyboard tags</source>
        <translation>按键标记时减去的反应延迟</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="62" />
        <source>Brightness (view only)</source>
        <translation>亮度（仅显示）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="63" />
        <source>Contrast (view only)</source>
        <translation>对比度（仅显示）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="68" />
        <source>Lag</source>
        <translation>反应延迟</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="112" />
        <source>frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
</context>
</TS>