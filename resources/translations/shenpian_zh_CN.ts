<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MediaBin</name>
    <message>
        <location filename="../../ui/media/media_bin.py" line="30" />
        <source>Add footage…</source>
        <translation>添加视频…</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="32" />
        <source>Find moved footage…</source>
        <translation>查找移动过的视频…</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="54" />
        <source>(offline)</source>
        <translation>（离线）</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="59" />
        <source>File not found; use “Find moved footage…”</source>
        <translation>找不到文件；请用“查找移动过的视频…”</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../ui/review/controller.py" line="71" />
        <source>No category has the key %1</source>
        <translation>没有类别使用按键 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="127" />
        <source>Select a tag first, then press S to add a still</source>
        <translation>请先选择一个标记，再按 S 添加截图</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Tag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77" />
        <source>Tags</source>
        <translation>标记列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94" />
        <source>Add footage…</source>
        <translation>添加视频…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95" />
        <source>Find moved footage…</source>
        <translation>查找移动过的视频…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>Close project</source>
        <translation>关闭项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101" />
        <source>Delete tag</source>
        <translation>删除标记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159" />
        <source>The footage file is missing: %1. Use “Find moved footage…”.</source>
        <translation>视频文件不见了：%1。请用“查找移动过的视频…”。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>Add footage</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>Video (*.mp4 *.mov *.avi *.mkv *.ts *.mts *.m4v);;All files (*)</source>
        <translation>视频 (*.mp4 *.mov *.avi *.mkv *.ts *.mts *.m4v);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185" />
        <source>Where is the footage now?</source>
        <translation>视频现在在哪个文件夹？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>Relinked %1 file(s)</source>
        <translation>已重新关联 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>NOT SAVED: %1 — retrying</source>
        <translation>未保存：%1 —— 正在重试</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263" />
        <location filename="../../ui/main_window.py" line="268" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267" />
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/app.py" line="39" />
        <location filename="../../ui/app.py" line="43" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="47" />
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="48" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="49" />
        <source>Open the demo project</source>
        <translation>打开演示项目</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="53" />
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="63" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="64" />
        <location filename="../../ui/app.py" line="70" />
        <source>Review project (*%1)</source>
        <translation>审片项目 (*%1)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="69" />
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
        <location filename="../../ui/tags/editor.py" line="68" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="69" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="69" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="70" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="70" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="71" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="71" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="72" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="72" />
        <source>Stills</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="95" />
        <source>No tag selected</source>
        <translation>未选择标记</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="112" />
        <source>Tag at %1</source>
        <translation>标记：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tags/editor.py" line="129" />
        <source>%n still(s)</source>
        <translation><numerusform>%n 张截图</numerusform></translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../ui/tags/panel.py" line="62" />
        <source>Search place and note (e.g. 垃圾)</source>
        <translation>搜索地点和备注（如：垃圾）</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="68" />
        <source>Incomplete only</source>
        <translation>仅未填完整</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="81" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="82" />
        <source>All counties</source>
        <translation>全部县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="83" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="84" />
        <source>All reviewers</source>
        <translation>全部审片人</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="129" />
        <source>Set status</source>
        <translation>设置整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="132" />
        <source>Set severity</source>
        <translation>设置严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="135" />
        <source>Set county</source>
        <translation>设置县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="139" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TagTable</name>
    <message>
        <location filename="../../ui/tags/table_model.py" line="50" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="51" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="52" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="53" />
        <location filename="../../ui/tags/table_model.py" line="67" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="54" />
        <location filename="../../ui/tags/table_model.py" line="68" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="55" />
        <location filename="../../ui/tags/table_model.py" line="70" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="56" />
        <location filename="../../ui/tags/table_model.py" line="71" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="57" />
        <location filename="../../ui/tags/table_model.py" line="72" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="58" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="59" />
        <source>Reviewer</source>
        <translation>审片人</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="60" />
        <source>Missing</source>
        <translation>待填项</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="61" />
        <location filename="../../ui/tags/table_model.py" line="73" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="69" />
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
        <location filename="../../ui/media/transport.py" line="67" />
        <source>Lag</source>
        <translation>反应延迟</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="105" />
        <source>frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
</context>
</TS>