<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CampaignUi</name>
    <message>
        <location filename="../../ui/campaign/hook.py" line="27" />
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/hook.py" line="30" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/hook.py" line="48" />
        <source>&amp;Campaign</source>
        <translation>整改督办(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/hook.py" line="50" />
        <source>Inspection rounds…</source>
        <translation>期次管理…</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/hook.py" line="51" />
        <source>Re-check proposals…</source>
        <translation>复查（回头看）建议…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export/dialog.py" line="58" />
        <location filename="../../ui/export/dialog.py" line="169" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="79" />
        <source>Rectification ledger (XLSX)</source>
        <translation>整改台账（XLSX）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="80" />
        <source>Ledger (CSV)</source>
        <translation>台账（CSV）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="81" />
        <source>Timeline (OTIO: Resolve, Kdenlive)</source>
        <translation>时间线（OTIO：达芬奇、Kdenlive）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="82" />
        <source>Timeline (FCP7 XML: Premiere)</source>
        <translation>时间线（FCP7 XML：Premiere）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="83" />
        <source>EDL (CMX3600)</source>
        <translation>EDL（CMX3600）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="84" />
        <source>Resolve timeline markers (EDL)</source>
        <translation>达芬奇时间线标记（EDL）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="85" />
        <source>Captions (SRT)</source>
        <translation>字幕（SRT）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="86" />
        <source>Captions (ASS)</source>
        <translation>字幕（ASS）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="87" />
        <source>Clip files (MP4)</source>
        <translation>问题片段（MP4）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="88" />
        <source>Screening reel (MP4)</source>
        <translation>放映合成片（MP4）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="89" />
        <source>Meeting slides (PPTX)</source>
        <translation>会议幻灯片（PPTX）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="90" />
        <source>Statistics (CSV + PNG)</source>
        <translation>统计（CSV + PNG）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="91" />
        <source>Bulletin (Word, GB/T 9704)</source>
        <translation>通报（Word，GB/T 9704 公文格式）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="92" />
        <source>County assessment (XLSX)</source>
        <translation>县级考核排名（XLSX）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="94" />
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="106" />
        <source>Tags</source>
        <translation>标记列表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="109" />
        <source>Current filter (%n tag(s))</source>
        <translation><numerusform>当前筛选（%n 条标记）</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="112" />
        <source>Editor's playlist (%n tag(s))</source>
        <translation><numerusform>编辑的播放列表（%n 条标记）</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="124" />
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="127" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="129" />
        <source>Handles before and after</source>
        <translation>前后各留</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="131" />
        <source>Exact (re-encoded, frame-exact)</source>
        <translation>精确（重新编码，逐帧精确）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="132" />
        <source>Lossless (stream copy; snaps to keyframes)</source>
        <translation>无损（直接复制，起点对齐到关键帧）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="134" />
        <source>Clip cut</source>
        <translation>剪切方式</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="135" />
        <source>Burn in category · place · unit</source>
        <translation>叠加字幕：类别 · 地点 · 责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="137" />
        <source>Watermark the reel</source>
        <translation>合成片加水印</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="141" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="142" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="143" />
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="146" />
        <source>Reel grouped by</source>
        <translation>合成片分组</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="148" />
        <source>On the reel</source>
        <translation>按合成片计时</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="149" />
        <source>Per clip file</source>
        <translation>按每个片段计时</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="150" />
        <source>Caption times</source>
        <translation>字幕时间</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="151" />
        <source>e.g. 第5期</source>
        <translation>如：第5期</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="152" />
        <source>Issue on the cover</source>
        <translation>封面期数</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="157" />
        <location filename="../../ui/export/dialog.py" line="212" />
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="160" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="172" />
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="174" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="235" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="257" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="268" />
        <source>✓ %1: %2 problem(s)</source>
        <translation>✓ %1：%2 个问题</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="274" />
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
    <name>RecheckDialog</name>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="38" />
        <source>Re-check proposals</source>
        <translation>复查（回头看）建议</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="41" />
        <source>Tags of a later round that may re-inspect an earlier problem. Confirm each with the result of the re-inspection, or reject it.</source>
        <translation>以下是后一期中可能复查了前期问题的标记。请逐条确认并填写复查结果，或驳回。</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="57" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="58" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="59" />
        <source>Show the tag</source>
        <translation>查看标记</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="61" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="71" />
        <source>Later tag</source>
        <translation>本期标记</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="71" />
        <source>Earlier problem</source>
        <translation>原问题</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="71" />
        <source>Earlier state</source>
        <translation>原问题状态</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="72" />
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="72" />
        <source>Result</source>
        <translation>复查结果</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/campaign/recheck_dialog.py" line="90" />
        <source>%n proposal(s)</source>
        <translation><numerusform>%n 条建议</numerusform></translation>
    </message>
</context>
<context>
    <name>RectificationPanel</name>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="73" />
        <source>Round</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="74" />
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="76" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="80" />
        <source>Measures taken</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="81" />
        <source>Rectified on</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="82" />
        <source>Evidence</source>
        <translation>整改证据</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="85" />
        <source>Re-inspection</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="92" />
        <source>Closure</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="95" />
        <source>Re-checks</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="103" />
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="104" />
        <source>Back to the code book's deadline</source>
        <translation>恢复代码本规定的整改时限</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="126" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="128" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="143" />
        <source>No tag selected</source>
        <translation>未选择标记</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="205" />
        <source>Not re-inspected</source>
        <translation>未复查</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="212" />
        <source>Reopen</source>
        <translation>撤销销号</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="212" />
        <source>Close (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="221" />
        <source>Re-checks a problem of %1 at %2</source>
        <translation>复查%1的问题（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="226" />
        <source>Re-checked in %1: %2</source>
        <translation>%1复查：%2</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="261" />
        <source>Add evidence</source>
        <translation>添加整改证据</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="262" />
        <source>Photos, videos, documents (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.pdf *.doc *.docx);;All files (*)</source>
        <translation>照片、视频、文档 (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.pdf *.doc *.docx);;所有文件 (*)</translation>
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
        <location filename="../../ui/main_window.py" line="88" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>Tag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
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
        <location filename="../../ui/main_window.py" line="323" />
        <source>NOT SAVED: %1 — retrying</source>
        <translation>未保存：%1 —— 正在重试</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341" />
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="66" />
        <source>Inspection rounds</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="75" />
        <source>e.g. 第6期</source>
        <translation>例如 第6期</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="79" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="80" />
        <location filename="../../ui/campaign/rounds_dialog.py" line="105" />
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="81" />
        <location filename="../../ui/campaign/rounds_dialog.py" line="105" />
        <source>To (meeting)</source>
        <translation>结束日期（督办会）</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="82" />
        <location filename="../../ui/campaign/rounds_dialog.py" line="106" />
        <source>Inspection teams</source>
        <translation>暗访组</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="91" />
        <source>Add as a new round</source>
        <translation>新增期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="92" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="93" />
        <source>Make current</source>
        <translation>设为当前期</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="94" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="105" />
        <source>Round</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="106" />
        <source>Tag count</source>
        <translation>标记数</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="106" />
        <source>Current</source>
        <translation>当前</translation>
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
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="89" />
        <source>Rounds</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="166" />
        <source>No county</source>
        <translation>未填县市</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="169" />
        <location filename="../../ui/campaign/stats_panel.py" line="175" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="169" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="169" />
        <source>Recurred</source>
        <translation>反弹</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="184" />
        <source>%1 problem(s) · %2 overdue · %3 recurred</source>
        <translation>问题 %1 个 · 逾期 %2 个 · 反弹 %3 个</translation>
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
        <location filename="../../ui/tags/panel.py" line="77" />
        <source>Search place and note (e.g. 垃圾)</source>
        <translation>搜索地点和备注（如：垃圾）</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="84" />
        <source>Incomplete only</source>
        <translation>仅未填完整</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="99" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="104" />
        <source>All counties</source>
        <translation>全部县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="107" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="110" />
        <source>All reviewers</source>
        <translation>全部审片人</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="114" />
        <source>All rounds</source>
        <translation>全部期次</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="183" />
        <source>Set status</source>
        <translation>设置整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="189" />
        <source>Set severity</source>
        <translation>设置严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="192" />
        <source>Set county</source>
        <translation>设置县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="199" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TagTable</name>
    <message>
        <location filename="../../ui/campaign/table_flags.py" line="16" />
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="54" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="55" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="56" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="57" />
        <location filename="../../ui/tags/table_model.py" line="72" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="58" />
        <location filename="../../ui/tags/table_model.py" line="73" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="59" />
        <location filename="../../ui/tags/table_model.py" line="75" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="60" />
        <location filename="../../ui/tags/table_model.py" line="76" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="61" />
        <location filename="../../ui/tags/table_model.py" line="77" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="62" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="63" />
        <source>Round</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="64" />
        <source>Reviewer</source>
        <translation>审片人</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="65" />
        <source>Missing</source>
        <translation>待填项</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="66" />
        <location filename="../../ui/tags/table_model.py" line="78" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="74" />
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